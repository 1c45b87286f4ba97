import { describe, expect, it } from 'vitest'
import type { ReviewDecision } from '../../../../../core/model/review-decision'
import {
  readinessRows,
  testedUnitOf,
  type CatalogueForReview,
  type TestedSession,
} from '../../../../../core/rules/comparison/readiness-rows'
import { defaultComparisonSettings } from '../../../../../core/rules/comparison/settings'
import { aListing } from '../../../../helpers/listing-snapshots'
import { aProduct, aUnit } from '../../../../helpers/records'

const session = (unitId: string, startedAt: string | null, createdAt = '2026-11-01T09:00:00.000Z'): TestedSession => ({
  productId: 'p-1',
  unitId,
  state: startedAt === null ? 'draft' : 'running',
  startedAt,
  createdAt,
})

const catalogue = (over: Partial<CatalogueForReview> = {}): CatalogueForReview => ({
  products: [aProduct()],
  hubs: [],
  skills: [],
  units: [],
  sessions: [],
  listings: [],
  skillSnapshots: [],
  decisions: [],
  images: new Map(),
  now: new Date('2026-11-21T09:00:00.000Z'),
  settings: defaultComparisonSettings,
  ...over,
})

describe('the unit a review compares with', () => {
  it('is the unit of the newest session of the product, else the unit received last', () => {
    const units = [
      aUnit({ id: 'u-1', receivedOn: '2026-10-01' }),
      aUnit({ id: 'u-2', receivedOn: '2026-11-01' }),
      aUnit({ id: 'u-3', productId: 'p-2', receivedOn: '2026-11-15' }),
    ]
    expect(testedUnitOf('p-1', units, [])?.id).toBe('u-2')
    const sessions = [session('u-1', '2026-11-10T09:00:00.000Z'), session('u-2', null, '2026-11-05T09:00:00.000Z')]
    expect(testedUnitOf('p-1', units, sessions)?.id).toBe('u-1')
    // A draft session, however new, tested nothing yet.
    expect(testedUnitOf('p-1', units, [...sessions, session('u-2', null, '2026-11-20T09:00:00.000Z')])?.id).toBe('u-1')
    // A session of a unit of another product (or one deleted since) does not count.
    expect(testedUnitOf('p-1', units, [session('u-3', '2026-11-20T09:00:00.000Z')])?.id).toBe('u-2')
    expect(testedUnitOf('p-9', units, [])).toBeUndefined()
  })
})

describe('the readiness rows', () => {
  it('list every ASIN of every product in its marketplace, not ready until captured', () => {
    const rows = readinessRows(catalogue())
    expect(rows.map((r) => [r.asin, r.marketplace, r.readiness.ready])).toEqual([
      ['B0ABCDEF12', 'US', false],
      ['B0ABCDEF34', 'DE', false],
    ])
    expect(rows[0]?.readiness).toEqual({
      ready: false,
      blocking: [{ check: 'listing-status', kind: 'not-captured', reason: expect.stringMatching(/^No capture/) }],
    })
  })

  it('list a requested marketplace with no ASIN as not ready, saying so', () => {
    const rows = readinessRows(catalogue({ products: [aProduct({ marketplaces: ['US', 'DE', 'UK'] })] }))
    expect(rows.map((r) => [r.asin, r.marketplace])).toEqual([
      ['B0ABCDEF12', 'US'],
      ['B0ABCDEF34', 'DE'],
      ['', 'UK'],
    ])
    expect(rows[2]?.readiness).toEqual({
      ready: false,
      blocking: [
        {
          check: 'listing-status',
          kind: 'no-asin',
          reason: "No ASIN is recorded for UK, where certification is requested: add it on the product's page.",
        },
      ],
    })
  })

  it('compare the newest capture, and count only the decisions on this product, listing and snapshot', () => {
    const listing = aListing({ brand: 'ACME Inc' })
    const decision = (over: Partial<ReviewDecision>): ReviewDecision => ({
      id: 'd-1',
      productId: 'p-1',
      asin: listing.asin,
      marketplace: 'US',
      snapshotId: listing.id,
      check: 'brand',
      decision: 'accept',
      note: '',
      finding: { outcome: 'needs-review', reason: '', basis: brandBasis },
      decidedAt: '2026-11-21T08:00:00.000Z',
      decidedBy: { id: 'jd', name: 'Jo Doe' },
      ...over,
    })
    const base = catalogue({ listings: [listing], products: [aProduct({ asins: [aProduct().asins[0]!] })] })
    // The basis the brand's finding rests on: what a reviewer's decision keeps.
    const brandBasis = readinessRows(base)[0]?.findings.find((f) => f.check === 'brand')?.basis
    const brandOf = (c: CatalogueForReview) => {
      const row = readinessRows(c)[0]
      return row?.readiness.ready === false ? row.readiness.blocking.map((b) => b.check) : []
    }
    expect(readinessRows(base)[0]?.findings.find((f) => f.check === 'brand')?.outcome).toBe('needs-review')
    expect(brandOf(base)).toContain('brand')
    expect(brandOf({ ...base, decisions: [decision({})] })).not.toContain('brand')
    expect(readinessRows({ ...base, decisions: [decision({})] })[0]?.decided).toEqual({ brand: 'accept' })
    // A decision of another product on the same ASIN counts for nothing here; one on an older snapshot only
    // while the brands compared are the same.
    expect(brandOf({ ...base, decisions: [decision({ productId: 'p-2' })] })).toContain('brand')
    expect(brandOf({ ...base, decisions: [decision({ snapshotId: 'ls-0' })] })).not.toContain('brand')
    const otherBrand = { outcome: 'needs-review' as const, reason: '', basis: `${brandBasis} Corp` }
    expect(brandOf({ ...base, decisions: [decision({ snapshotId: 'ls-0', finding: otherBrand })] })).toContain('brand')
  })

  it('compare the images by their stored hashes, the unit’s photos and the reference images alike', () => {
    const listing = aListing({ imageIds: ['f-listing'] })
    const hash = { dHash: '0f0f0f0f0f0f0f0f', pHash: 'a5a5a5a5a5a5a5a5' }
    const images = new Map([
      ['f-listing', { name: 'listing.jpg', ...hash }],
      ['f-photo', { name: 'front.jpg', ...hash }],
    ])
    const c = catalogue({
      listings: [listing],
      units: [aUnit({ photos: [{ fileId: 'f-photo', role: 'front' }] })],
      images,
    })
    const image = readinessRows(c)[0]?.findings.find((f) => f.check === 'image')
    expect(image).toMatchObject({ outcome: 'pass', reason: expect.stringContaining('front.jpg') })
    const unhashed = new Map([...images].map(([id, facts]) => [id, { ...facts, dHash: null, pHash: null }]))
    expect(readinessRows({ ...c, images: unhashed })[0]?.findings.find((f) => f.check === 'image')?.outcome).toBe(
      'needs-review',
    )
  })
})
