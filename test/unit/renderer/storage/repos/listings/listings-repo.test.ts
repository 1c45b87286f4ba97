import { describe, expect, it } from 'vitest'
import { valueOf, problemOf } from '../../../../../helpers/outcomes'
import type { ListingCapture } from '../../../../../../renderer/storage/repos/listings/listings-repo'
import { auditedRepos } from '../../../../../helpers/audited-repos'
import { aListing, aSkillSnapshot } from '../../../../../helpers/listing-snapshots'
import { aProduct, aSkill } from '../../../../../helpers/records'

const capture = (over: Partial<ListingCapture> = {}): ListingCapture => {
  const { id: _id, capturedAt: _at, capturedBy: _by, ...fields } = aListing()
  return { ...fields, ...over }
}

describe('listing snapshots', () => {
  it('are captured now by whoever works, kept as entered, and audited under the products that list the ASIN', async () => {
    const { db, repos } = auditedRepos()
    await repos.products.save(aProduct())
    await repos.products.save(aProduct({ id: 'p-2', modelNumber: 'AC-100B' })) // the same ASIN listed for a bundle
    const stored = valueOf(await repos.listings.capture(capture({ brand: '  Acme™ ', bundleContents: ['Plug'] })))
    expect(stored).toMatchObject({
      asin: 'B0ABCDEF12',
      marketplace: 'US',
      brand: 'Acme™',
      bundleContents: ['Plug'],
      capturedAt: expect.stringMatching(/^2026-11-20T09:00:\d\d\.000Z$/),
      capturedBy: { id: 'jd', name: 'Jo Doe' },
    })
    expect(await repos.listings.get(stored.id)).toEqual(stored)
    const entry = await db.audit.orderBy('seq').last()
    expect(entry).toMatchObject({
      action: 'create',
      entity: { kind: 'listing-snapshot', id: stored.id, label: 'Listing B0ABCDEF12 (US)' },
      actor: { name: 'Jo Doe' },
    })
    expect(entry?.subjects).toEqual([`listing-snapshot:${stored.id}`, 'product:p-1', 'product:p-2'])
  })

  it('keep the history: a new capture is a new snapshot, newest first, and the newest of each listing is found', async () => {
    const { repos } = auditedRepos()
    const first = valueOf(await repos.listings.capture(capture({ status: 'available' })))
    const second = valueOf(await repos.listings.capture(capture({ status: 'suppressed' })))
    const german = valueOf(await repos.listings.capture(capture({ asin: 'B0ABCDEF34', marketplace: 'DE' })))
    const uk = valueOf(await repos.listings.capture(capture({ marketplace: 'UK' })))
    expect((await repos.listings.history('B0ABCDEF12', 'US')).map((s) => s.id)).toEqual([second.id, first.id])
    expect(await repos.listings.get(first.id)).toMatchObject({ status: 'available' })
    const newest = await repos.listings.newestOfEach()
    expect(newest.map((s) => s.id).sort()).toEqual([second.id, german.id, uk.id].sort())
  })

  it('keeps an imported capture time, but refuses one in the future', async () => {
    const { repos } = auditedRepos()
    const old = valueOf(await repos.listings.capture(capture({ capturedAt: '2026-10-01T08:00:00.000Z' })))
    expect(old.capturedAt).toBe('2026-10-01T08:00:00.000Z')
    // Spelled without milliseconds, or with an offset, it is stored in the one spelling the history orders by.
    const spelled = valueOf(
      await repos.listings.capture(capture({ marketplace: 'DE', capturedAt: '2026-10-01T10:00:00+02:00' })),
    )
    const plain = valueOf(await repos.listings.capture(capture({ capturedAt: '2026-10-01T08:00:01Z' })))
    expect([spelled.capturedAt, plain.capturedAt]).toEqual(['2026-10-01T08:00:00.000Z', '2026-10-01T08:00:01.000Z'])
    expect(problemOf(await repos.listings.capture(capture({ capturedAt: '2026-12-24T08:00:00.000Z' })))).toEqual({
      code: 'invalid',
      message: 'The capture time 2026-12-24T08:00:00.000Z is in the future.',
      field: 'capturedAt',
    })
  })

  it('refuse what is not valid, and images that are not stored, storing nothing', async () => {
    const { db, repos } = auditedRepos()
    expect(problemOf(await repos.listings.capture(capture({ asin: 'B0SHORT' })))).toMatchObject({
      code: 'invalid',
      field: 'asin',
    })
    expect(problemOf(await repos.listings.capture(capture({ imageIds: ['gone'] })))).toEqual({
      code: 'not-found',
      message: '1 image of the capture is not stored any more; add it again.',
      field: 'imageIds',
    })
    expect(await db.listingSnapshots.count()).toBe(0)
    expect(await db.audit.count()).toBe(0)
  })

  it('are imported all or nothing, a refusal naming the listing', async () => {
    const { db, repos } = auditedRepos()
    const problem = problemOf(
      await repos.listings.captureAll([capture(), capture({ marketplace: 'DE', status: 'gone' as never })]),
    )
    expect(problem.message).toMatch(/^Listing 2 of 2 \(B0ABCDEF12\): Choose the status/)
    expect(await db.listingSnapshots.count()).toBe(0)
    const stored = valueOf(await repos.listings.captureAll([capture(), capture({ marketplace: 'DE' })]))
    expect(stored).toHaveLength(2)
    expect(await db.audit.count()).toBe(2)
  })

  it('refuse a capture of a listing at a moment already captured: a file imported twice stores nothing more', async () => {
    const { db, repos } = auditedRepos()
    const at = '2026-11-09T10:00:00.000Z'
    valueOf(
      await repos.listings.captureAll([capture({ capturedAt: at }), capture({ marketplace: 'DE', capturedAt: at })]),
    )
    const again = problemOf(
      await repos.listings.captureAll([
        capture({ capturedAt: '2026-11-10T10:00:00.000Z' }),
        capture({ marketplace: 'DE', capturedAt: at }),
      ]),
    )
    expect(again.message).toMatch(
      /^Listing 2 of 2 \(B0ABCDEF12\): B0ABCDEF12 in DE was already captured at 2026-11-09T10:00:00\.000Z/,
    )
    expect(await db.listingSnapshots.count()).toBe(2)
  })
})

describe('skill-store snapshots', () => {
  it('are captured, audited under the skill records of the skill ID, and kept as a history', async () => {
    const { db, repos } = auditedRepos()
    const skillId = aSkillSnapshot().skillId
    await repos.skills.save(aSkill({ skillId }))
    const input = { skillId, marketplace: 'US', status: 'available' as const }
    const first = valueOf(await repos.listings.captureSkill(input))
    const second = valueOf(await repos.listings.captureSkill({ ...input, status: 'unavailable' }))
    valueOf(await repos.listings.captureSkill({ ...input, marketplace: 'DE' }))
    expect(first.capturedBy).toEqual({ id: 'jd', name: 'Jo Doe' })
    expect((await repos.listings.skillHistory(skillId, 'US')).map((s) => s.status)).toEqual([
      'unavailable',
      'available',
    ])
    expect((await repos.listings.newestSkillOfEach()).map((s) => [s.marketplace, s.status])).toEqual([
      ['DE', 'available'],
      ['US', 'unavailable'],
    ])
    const entry = await db.audit.orderBy('seq').last()
    expect(entry?.entity.label).toBe(`Skill store ${skillId} (DE)`)
    expect(entry?.subjects).toEqual([`skill-snapshot:${entry?.entity.id}`, 'skill:s-1'])
    expect(second.id).not.toBe(first.id)
  })
})
