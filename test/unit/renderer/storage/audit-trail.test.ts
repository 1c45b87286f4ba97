import { describe, expect, it } from 'vitest'
import { auditedRepos } from '../../../helpers/audited-repos'
import { aPlanVersion, aProduct, aUnit } from '../../../helpers/records'

const setup = auditedRepos

describe('audit trail', () => {
  it('records who changed which field of a record, from what to what', async () => {
    const { db, repos, actors } = setup()
    await repos.products.save(aProduct())
    actors.set({ id: 'an', name: 'Ann Nolan' })
    await repos.products.save({ ...aProduct(), name: 'Acme Plug Mini' })
    const entries = await db.audit.orderBy('seq').toArray()
    expect(entries.map((e) => [e.seq, e.action, e.actor.name, e.entity.label])).toEqual([
      [1, 'create', 'Jo Doe', 'Acme AC-100'],
      [2, 'update', 'Ann Nolan', 'Acme AC-100'],
    ])
    expect(entries[1]?.changes).toEqual([{ field: 'name', before: 'Acme Smart Plug', after: 'Acme Plug Mini' }])
    expect(entries[1]?.prevHash).toBe(entries[0]?.hash)
  })

  it('writes nothing when a save changes nothing but its time', async () => {
    const { db, repos } = setup()
    await repos.units.save(aUnit())
    await repos.units.save(aUnit())
    expect(await db.audit.count()).toBe(1)
  })

  it('says the chain is intact, and names the first entry that no longer verifies after one is changed in storage', async () => {
    const { db, repos } = setup()
    await repos.products.save(aProduct())
    await repos.units.save(aUnit())
    await repos.units.save({ ...aUnit(), firmware: '1.2.4' })
    await repos.units.save({ ...aUnit(), firmware: '1.2.5' })
    expect((await repos.audit.view({ kind: 'unit', id: 'u-1' }, { limit: 100 })).verdict).toEqual({
      intact: true,
      count: 4,
    })

    await db.audit.update(3, { actor: { id: 'x', name: 'Somebody else' } })
    const view = await repos.audit.view({ kind: 'unit', id: 'u-1' }, { limit: 100 })
    expect(view.verdict).toMatchObject({ intact: false, firstBad: 3 })
    expect(view.entries.map((e) => e.seq)).toEqual([2, 3, 4])
  })

  it('keeps the chain in one piece when a plan and all its versions are removed together', async () => {
    const { db, repos } = setup()
    await repos.products.save(aProduct())
    await repos.plans.save(aPlanVersion())
    await repos.plans.importPlan({
      planId: 'plan-1',
      name: 'WWA smart plug',
      cases: aPlanVersion().cases,
      source: aPlanVersion().source,
    })
    await repos.plans.remove('plan-1')
    const actions = (await db.audit.orderBy('seq').toArray()).map((e) => `${e.action} ${e.entity.kind}`)
    expect(actions).toEqual([
      'create product',
      'create plan-version',
      'create plan-version',
      'delete plan-version',
      'delete plan-version',
    ])
    // The whole trail is checked, not only the entries shown.
    expect((await repos.audit.view({ kind: 'plan-version', id: 'v-1' }, { limit: 100 })).verdict).toEqual({
      intact: true,
      count: 5,
    })
  })
})
