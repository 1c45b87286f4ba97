import { performance } from 'node:perf_hooks'
import { compareListing } from '../core/rules/comparison/compare-listing'
import { imagesToCompare, readinessRows, type CatalogueForReview } from '../core/rules/comparison/readiness-rows'
import { defaultComparisonSettings } from '../core/rules/comparison/settings'
import { aListing } from '../test/helpers/listing-snapshots'
import { aProduct, aUnit } from '../test/helpers/records'
import type { BenchResult } from './bench-result'
import { median } from './median'

// The issue's size: 300 products × 5 ASINs × 6 marketplaces, 9,000 listings.
const products = 300
const marketplaces = ['US', 'CA', 'DE', 'UK', 'FR', 'JP'] as const
const asinsPerMarketplace = 5
const rounds = 5

/** A lab of 300 products, each with 5 ASINs in 6 marketplaces, captured with two images, tested on one unit. */
export function lab(): CatalogueForReview {
  const hex = (n: number) => n.toString(16).padStart(16, '0')
  const images = new Map<string, { name: string; dHash: string; pHash: string }>()
  const list = Array.from({ length: products }, (_, i) =>
    aProduct({
      id: `p-${i}`,
      modelNumber: `AC-${i}`,
      marketplaces: [...marketplaces],
      asins: marketplaces.flatMap((marketplace, m) =>
        Array.from({ length: asinsPerMarketplace }, (_, v) => ({
          marketplace,
          asin: `B${m}${v}${String(i).padStart(7, '0')}`,
          variation: `Colour ${v + 1}`,
        })),
      ),
      referencePhotoIds: [`ref-${i}`],
    }),
  )
  const units = list.map((p, i) =>
    aUnit({ id: `u-${i}`, productId: p.id, photos: [{ fileId: `photo-${i}`, role: 'front' }] }),
  )
  const listings = list.flatMap((p) =>
    p.asins.map((a) =>
      aListing({
        id: `${p.id}|${a.asin}`,
        asin: a.asin,
        marketplace: a.marketplace,
        brand: 'ACME Inc',
        modelNumber: p.modelNumber,
        imageIds: [`l1-${a.asin}`, `l2-${a.asin}`],
      }),
    ),
  )
  list.forEach((_, i) => images.set(`ref-${i}`, { name: 'ref.jpg', dHash: hex(i), pHash: hex(i * 7) }))
  units.forEach((_, i) => images.set(`photo-${i}`, { name: 'front.jpg', dHash: hex(i * 3), pHash: hex(i * 5) }))
  for (const l of listings)
    for (const id of l.imageIds) images.set(id, { name: 'page.jpg', dHash: hex(id.length), pHash: hex(id.length * 9) })
  return {
    products: list,
    hubs: [],
    skills: [],
    units,
    sessions: [],
    listings,
    skillSnapshots: [],
    decisions: [],
    images,
    now: new Date('2026-11-21T09:00:00.000Z'),
    settings: defaultComparisonSettings,
  }
}

const time = (work: () => void) => {
  const start = performance.now()
  work()
  return performance.now() - start
}

/**
 * The readiness view worked out for 3,000 listings (every lookup, every check, every decision) against the
 * comparison alone, its inputs already resolved: the gap is what finding each listing's records costs.
 */
export async function run(): Promise<BenchResult> {
  const catalogue = lab()
  const byId = new Map(catalogue.products.map((p) => [p.id, p]))
  const resolved = catalogue.listings.map((listing) => {
    const product = byId.get(listing.id.split('|')[0]!)!
    const unit = catalogue.units.find((u) => u.productId === product.id)
    return { product, listing, unit, ...imagesToCompare(catalogue, product, listing, unit) }
  })
  const compareAll = () => {
    for (const r of resolved)
      compareListing({
        ...r,
        hub: undefined,
        skill: undefined,
        skillSnapshot: undefined,
        now: catalogue.now,
        settings: catalogue.settings,
      })
  }
  // Warm both paths before the clock counts.
  readinessRows(catalogue)
  compareAll()
  const pairs: { rows: number; compare: number }[] = []
  for (let round = 0; round < rounds; round += 1)
    pairs.push({ compare: time(compareAll), rows: time(() => readinessRows(catalogue)) })
  return {
    name: 'readiness',
    count: catalogue.listings.length,
    items: 'listings',
    subject: { label: 'readinessRows (lookups, checks, decisions)', ms: median(pairs.map((p) => p.rows)) },
    baseline: { label: 'compareListing alone, inputs resolved', ms: median(pairs.map((p) => p.compare)) },
    notes: [
      `medians of ${rounds} alternating rounds in Node; ratio per round: ${pairs.map((p) => `${(p.rows / p.compare).toFixed(2)}×`).join(', ')}`,
      `${products.toLocaleString('en-US')} products × ${asinsPerMarketplace} ASINs × ${marketplaces.length} marketplaces, two listing images against one reference image and one unit photo each`,
    ],
  }
}
