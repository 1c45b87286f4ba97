import { describe, expect, it } from 'vitest'
import { problemOf } from '../../../../helpers/outcomes'
import { auditedRepos } from '../../../../helpers/audited-repos'
import { aHub, aPlanVersion, aProduct, aSession, aSkill, aUnit } from '../../../../helpers/records'

const setup = auditedRepos

describe('archive and restore', () => {
  it('marks a record archived by whoever works, keeps it listed for names, and restores it; both audited', async () => {
    const { db, repos, actors } = setup()
    await repos.hubs.save(aHub())
    expect((await repos.hubs.archive('h-1')).ok).toBe(true)
    const archived = await repos.hubs.get('h-1')
    expect(archived?.archived).toEqual({ at: '2026-11-20T09:00:03.000Z', by: { id: 'jd', name: 'Jo Doe' } })
    expect(archived?.updatedAt).toBe(archived?.archived?.at)
    expect((await repos.hubs.list()).map((h) => h.id)).toEqual(['h-1'])

    actors.set({ id: 'an', name: 'Ann Nolan' })
    expect((await repos.hubs.restore('h-1')).ok).toBe(true)
    expect((await repos.hubs.get('h-1'))?.archived).toBeUndefined()
    const trail = await db.audit.orderBy('seq').toArray()
    expect(trail.map((e) => [e.action, e.actor.name, e.changes.map((c) => c.field)])).toEqual([
      ['create', 'Jo Doe', expect.any(Array)],
      ['update', 'Jo Doe', ['archived']],
      ['update', 'Ann Nolan', ['archived']],
    ])
    expect(trail[1]?.changes[0]).toEqual({ field: 'archived', before: undefined, after: archived?.archived })
  })

  it('refuses to change an archived record, keeping its mark, even from an editor that loaded it before', async () => {
    const { repos } = setup()
    await repos.products.save(aProduct())
    await repos.units.save(aUnit())
    await repos.products.archive('p-1')
    await repos.units.archive('u-1')
    // The editors still hold the records without the mark (a write on its way when Archive was pressed).
    expect(problemOf(await repos.products.save({ ...aProduct(), name: 'Acme Plug Mini' }))).toMatchObject({
      code: 'not-allowed',
      message: 'Acme AC-100 is archived, so it cannot change. Restore it to edit it.',
    })
    expect(problemOf(await repos.units.save({ ...aUnit(), firmware: '1.2.4' }))).toMatchObject({ code: 'not-allowed' })
    expect(problemOf(await repos.units.saveMany([{ ...aUnit(), firmware: '1.2.5' }]))).toMatchObject({
      message: 'Unit SN-0001 is archived, so it cannot change. Restore it to edit it.',
    })
    expect(await repos.products.get('p-1')).toMatchObject({ name: 'Acme Smart Plug', archived: { by: { id: 'jd' } } })
    expect(await repos.units.get('u-1')).toMatchObject({ firmware: '1.2.3', archived: { by: { id: 'jd' } } })
    // Restored, it changes again, and an editor still cannot archive it by sending the mark.
    await repos.products.restore('p-1')
    expect((await repos.products.save({ ...aProduct(), name: 'Acme Plug Mini' })).ok).toBe(true)
    // Nor can an editor archive or restore by sending the mark.
    await repos.skills.save({ ...aSkill(), archived: { at: '2026-11-20T09:00:00.000Z', by: { id: 'x', name: 'X' } } })
    expect((await repos.skills.get('s-1'))?.archived).toBeUndefined()
  })

  it('loads records stored before archiving existed, which are active', async () => {
    const { db, repos } = setup()
    await db.products.put(aProduct())
    expect((await repos.products.get('p-1'))?.archived).toBeUndefined()
    expect((await repos.products.save({ ...aProduct(), name: 'Renamed' })).ok).toBe(true)
  })

  it('archives a whole plan, refuses to change it while archived, and restores it', async () => {
    const { db, repos } = setup()
    await repos.plans.save(aPlanVersion())
    expect((await repos.plans.archive('plan-1')).ok).toBe(true)
    await repos.sessions.create(aSession())
    // Edited after a session ran it: a version 2, still archived.
    // Archived, it cannot change; restored, an edit after a session ran it makes version 2.
    expect(problemOf(await repos.plans.save({ ...aPlanVersion(), name: 'WWA smart plug 2' }))).toMatchObject({
      code: 'not-allowed',
    })
    expect((await repos.plans.list())[0]).toMatchObject({
      latest: { version: 1 },
      archived: { by: { name: 'Jo Doe' } },
    })
    await repos.plans.restore('plan-1')
    const next = await repos.plans.save({ ...aPlanVersion(), name: 'WWA smart plug 2' })
    expect(next.ok && next.value.version).toBe(2)
    await repos.plans.archive('plan-1')
    expect((await repos.plans.list())[0]).toMatchObject({
      latest: { version: 2 },
      archived: { by: { name: 'Jo Doe' } },
    })
    await repos.plans.restore('plan-1')
    expect((await repos.plans.summary('plan-1'))?.archived).toBeUndefined()
    const marks = (await db.audit.orderBy('seq').toArray()).filter((e) => e.changes.some((c) => c.field === 'archived'))
    expect(marks.map((e) => e.entity.label)).toEqual([
      'WWA smart plug v1',
      'WWA smart plug v1',
      'WWA smart plug 2 v2',
      'WWA smart plug 2 v2',
    ])
  })
})

describe('delete', () => {
  it('deletes a skill nothing refers to, with its draft, audited, and never saves it again', async () => {
    const { db, repos } = setup()
    await repos.skills.save(aSkill())
    await repos.drafts.keep('skill', 's-1', { name: '' }, 'Acme Home')
    expect((await repos.skills.checkRemove('s-1')).ok).toBe(true)
    expect((await repos.skills.remove('s-1')).ok).toBe(true)
    expect(await repos.skills.get('s-1')).toBeUndefined()
    expect(await repos.drafts.get('skill', 's-1')).toBeUndefined()
    expect((await db.audit.orderBy('seq').last())?.action).toBe('delete')
    // An editor left open on it cannot bring it back.
    expect(problemOf(await repos.skills.save(aSkill()))).toMatchObject({ code: 'not-found' })
    expect(await repos.skills.get('s-1')).toBeUndefined()
  })

  it('refuses to delete a hub a product was tested through, naming the product, archived or not', async () => {
    const { repos } = setup()
    await repos.hubs.save(aHub())
    await repos.products.save(aProduct({ connection: 'hub', hubId: 'h-1' }))
    await repos.products.archive('p-1')
    const problem = problemOf(await repos.hubs.remove('h-1'))
    expect(problem.code).toBe('not-allowed')
    expect(problem.message).toBe(
      'Acme HUB-2 cannot be deleted: it is named by product Acme AC-100. ' +
        'Archive it instead: it leaves lists and pickers, and keeps its page and its history.',
    )
    expect(await repos.hubs.checkRemove('h-1')).toEqual({ ok: false, problem })
    expect(await repos.hubs.get('h-1')).toBeDefined()
    expect((await repos.hubs.archive('h-1')).ok).toBe(true)
  })

  it('refuses to delete a skill a product once named, even after the product moved to another', async () => {
    const { repos } = setup()
    await repos.skills.save(aSkill())
    await repos.skills.save(aSkill({ id: 's-2', name: 'Acme Home 2' }))
    await repos.products.save(aProduct({ skillRecordId: 's-1' }))
    await repos.products.save(aProduct({ skillRecordId: 's-2' }))
    expect(problemOf(await repos.skills.remove('s-1')).message).toMatch(
      /^Acme Home cannot be deleted: it is named by the audit trail of Acme AC-100\./,
    )
  })

  it('refuses to delete a product with units or sessions, and one whose history names a deleted unit', async () => {
    const { repos } = setup()
    await repos.products.save(aProduct())
    await repos.units.saveMany([aUnit({ id: 'a' }), aUnit({ id: 'b', serialNumber: 'SN-0002' })])
    await repos.plans.save(aPlanVersion())
    await repos.sessions.create(aSession({ unitId: 'a' }))
    expect(problemOf(await repos.products.remove('p-1')).message).toMatch(
      /^Acme AC-100 cannot be deleted: it is named by units SN-0001 and SN-0002 and 1 session\./,
    )
    // The unit no session ran can go; the product stays, since its trail names that unit.
    expect((await repos.units.remove('b')).ok).toBe(true)
    expect(problemOf(await repos.units.remove('a')).message).toMatch(
      /^Unit SN-0001 cannot be deleted: it is named by 1 session\./,
    )
    expect(await repos.products.get('p-1')).toBeDefined()
    expect(await repos.units.get('a')).toBeDefined()
  })

  it('refuses to delete a product whose units were all deleted: their history is filed under it', async () => {
    const { repos } = setup()
    await repos.products.save(aProduct())
    await repos.units.save(aUnit())
    await repos.units.remove('u-1')
    expect(problemOf(await repos.products.remove('p-1')).message).toMatch(
      /^Acme AC-100 cannot be deleted: it is named by the audit trail of Unit SN-0001\./,
    )
    await repos.products.save(aProduct({ id: 'p-2', modelNumber: 'AC-200' }))
    expect((await repos.products.remove('p-2')).ok).toBe(true)
  })

  it('deletes a plan no session ran, every version of it in one audited step, and refuses one a session ran', async () => {
    const { db, repos } = setup()
    await repos.plans.save(aPlanVersion())
    await repos.plans.importPlan({
      planId: 'plan-1',
      name: 'WWA smart plug',
      cases: aPlanVersion().cases,
      source: { kind: 'typed', fileName: null, sha256: null },
    })
    await repos.plans.save(aPlanVersion({ id: 'w-1', planId: 'plan-2', name: 'Lamp plan' }))
    await repos.sessions.create(aSession({ plan: { ...aSession().plan, planId: 'plan-2', versionId: 'w-1' } }))

    expect(problemOf(await repos.plans.remove('plan-2')).message).toMatch(
      /^Lamp plan cannot be deleted: it is named by 1 session, which ran version 1\./,
    )
    expect((await repos.plans.remove('plan-1')).ok).toBe(true)
    expect(await repos.plans.versionsOf('plan-1')).toEqual([])
    expect(await repos.plans.summary('plan-1')).toBeUndefined()
    expect((await repos.plans.list()).map((p) => p.planId)).toEqual(['plan-2'])
    const actions = (await db.audit.orderBy('seq').toArray()).map((e) => `${e.action} ${e.entity.label}`)
    expect(actions.slice(-2)).toEqual(['delete WWA smart plug v1', 'delete WWA smart plug v2'])
    expect((await repos.audit.view({ kind: 'plan-version', id: 'v-1' }, { limit: 10 })).verdict.intact).toBe(true)
  })
})
