import { describe, expect, it } from 'vitest'
import { createRepositories } from '../../../../../../renderer/storage/repositories'
import { freshLabDb } from '../../../../../helpers/lab-db'
import { aProduct, aUnit } from '../../../../../helpers/records'

const probeImage = () => Promise.reject(new Error('not used'))

async function labWithHistory(units: number) {
  const db = freshLabDb()
  let clock = Date.parse('2026-11-20T09:00:00Z')
  const repos = createRepositories(db, { probeImage, now: () => new Date((clock += 1000)) })
  await repos.products.save(aProduct())
  await repos.units.saveMany(Array.from({ length: units }, (_, i) => aUnit({ id: `u-${i}`, serialNumber: `SN-${i}` })))
  return { db, repos }
}

describe('audit repository', () => {
  it('pages a product trail newest last, counting every entry of its units too', async () => {
    const { repos } = await labWithHistory(30)
    expect(await repos.audit.count({ kind: 'product', id: 'p-1' })).toBe(31)
    const newest = await repos.audit.newest({ kind: 'product', id: 'p-1' }, { limit: 10 })
    expect(newest.map((e) => e.seq)).toEqual([22, 23, 24, 25, 26, 27, 28, 29, 30, 31])
    const earlier = await repos.audit.newest({ kind: 'product', id: 'p-1' }, { limit: 10, offset: 10 })
    expect(earlier.at(-1)?.seq).toBe(21)
  })

  it('checks only the entries since its checkpoint, and moves the checkpoint to the head', async () => {
    const { db, repos } = await labWithHistory(20)
    expect(await repos.audit.checkSince(1000)).toEqual({ state: 'checked', verdict: { intact: true, count: 21 } })
    expect((await repos.audit.state()).checkpoint).toMatchObject({ seq: 21 })
    await repos.units.save(aUnit({ id: 'u-new', serialNumber: 'SN-NEW' }))
    // One entry since the checkpoint: it fits even a limit of one.
    expect(await repos.audit.checkSince(1)).toEqual({ state: 'checked', verdict: { intact: true, count: 22 } })
    // An old entry changed behind the checkpoint is not re-read by the incremental check...
    await db.audit.update(3, { actor: { id: 'x', name: 'Somebody else' } })
    expect(await repos.audit.checkSince(1)).toMatchObject({ verdict: { intact: true } })
    // ...but it is caught as soon as it is shown, and by a check of the whole trail.
    const shown = await db.audit.bulkGet([3, 4])
    expect(await repos.audit.checkShown(shown.flatMap((e) => (e ? [e] : [])))).toMatchObject({
      intact: false,
      firstBad: 3,
    })
  })

  it('hands a long stretch since the checkpoint to a background check instead of checking it on the spot', async () => {
    const { repos } = await labWithHistory(50)
    expect(await repos.audit.checkSince(10)).toEqual({ state: 'long', after: 0, head: 51 })
  })

  it('says so when the checkpointed entry was changed or removed', async () => {
    const { db, repos } = await labWithHistory(5)
    await repos.audit.checkSince(100)
    await db.audit.update(6, { at: '2020-01-01T00:00:00.000Z' })
    // Its stored hash still matches the checkpoint, but its contents no longer match its hash.
    expect(await repos.audit.checkSince(100)).toMatchObject({ verdict: { intact: false, firstBad: 6 } })
    await db.audit.delete(6)
    expect(await repos.audit.checkSince(100)).toMatchObject({
      verdict: { intact: false, firstBad: 6, reason: expect.stringMatching(/Entry 6 is missing/) },
    })
  })
})
