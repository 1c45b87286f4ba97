// Runs in Chromium at the app's origin, bundled by vite (unminified): seeds the readiness bench's
// lab, products, units and listing captures through the app's repositories (validated and audited,
// as the app writes them), and times the readiness view's two halves alone in the same browser:
// the catalogue read, as useReviewCatalogue() reads it, and readinessRows() on what it read.
import { z } from 'zod'
import type { Product } from '../../core/model/product'
import type { Unit } from '../../core/model/unit'
import { digestSha256Hex } from '../../core/crypto/digest'
import { readinessRows, type CatalogueForReview } from '../../core/rules/comparison/readiness-rows'
import { comparedImageIds, imagesOf, readReviewCatalogue } from '../../renderer/features/reviews/queries'
import { probeImageInBrowser } from '../../renderer/media/image-probe'
import { LabDb, type ImageHashRow, type StoredFileRow } from '../../renderer/storage/lab-db'
import { createRepositories, type Repositories } from '../../renderer/storage/repositories'
import type { ListingCapture } from '../../renderer/storage/repos/listings/listings-repo'
import { valueOf } from '../../test/helpers/outcome'
import { aProduct, aUnit } from '../../test/helpers/records'
import { brands, pick } from './lab-year-records'
import { seededRandom } from './seeded-random'

// As renderer/index.tsx: the CSP forbids eval, so zod must not probe for it.
z.config({ jitless: true })

export type ReadinessLabShape = {
  readonly products: number
  readonly marketplaces: readonly string[]
  readonly asinsPerMarketplace: number
}

export type ReadinessLabCounts = {
  readonly products: number
  readonly units: number
  readonly listings: number
  readonly files: number
  readonly imageHashes: number
  readonly audit: number
  /** Rows readinessRows() makes of the lab: what the matrix's count line must say. */
  readonly rows: number
  readonly verdicts: Readonly<Record<'ready' | 'blocked', number>>
}

/** One round of the halves timed alone: ms for each. */
export type ReadinessHalves = { readonly catalogueMs: number; readonly rowsMs: number; readonly rows: number }

/** One round of the catalogue read cut into its calls, each timed alone (ms), beside one-request reads of the same tables. */
export type CatalogueParts = {
  /** The nine list reads of useReviewCatalogue's first Promise.all, together. */
  readonly lists: number
  /** imagesOf() for every image the lab's reviews compare, as the hook calls it. */
  readonly imagesOf: number
  /** What it calls, alone: repos.files.imageFacts() (the image hashes only, in one getAll when most are asked). */
  readonly imageFacts: number
  /** The same rows read with one request each (Dexie toArray: one getAll). */
  readonly filesGetAll: number
  readonly hashesGetAll: number
  readonly images: number
}

export type ReadinessLabPage = {
  seed(shape: ReadinessLabShape): Promise<ReadinessLabCounts>
  /** Reads the catalogue and works out the rows, `rounds` times, each half timed on its own. */
  halves(rounds: number): Promise<ReadinessHalves[]>
  catalogueParts(rounds: number): Promise<CatalogueParts[]>
  /** readinessRows() alone, `times` times on one catalogue read, kept from the first call (for a CPU profile taken from Node). */
  rowsOnly(times: number): Promise<number>
}

const db = new LabDb()
const repos: Repositories = createRepositories(db, { probeImage: probeImageInBrowser })

const hex16 = (r: () => number) =>
  Array.from({ length: 2 }, () =>
    Math.floor(r() * 2 ** 32)
      .toString(16)
      .padStart(8, '0'),
  ).join('')

/** The same 64-bit hash with `bits` of its bits flipped: a near duplicate (the same picture, re-encoded). */
const flipped = (hash: string, bits: number, r: () => number) => {
  let value = BigInt(`0x${hash}`)
  for (let i = 0; i < bits; i += 1) value ^= 1n << BigInt(Math.floor(r() * 64))
  return value.toString(16).padStart(16, '0')
}

const asinAt = (product: number, marketplace: number, variant: number) =>
  `B0${marketplace}${variant}${String(product).padStart(6, '0')}`

/** A stored image as storePhoto() leaves it: its own bytes, their SHA-256, pixel size and perceptual hashes. */
async function imageRows(
  id: string,
  name: string,
  createdAt: string,
  hashes: { dHash: string; pHash: string },
): Promise<{ file: StoredFileRow; hash: ImageHashRow }> {
  // A few hundred bytes that differ per image: the matrix reads the file's row, never its bytes.
  const bytes = new TextEncoder().encode(`\u00ff\u00d8 bench image ${id} ${name}`.padEnd(400, '.'))
  const file: StoredFileRow = {
    id,
    name,
    mime: 'image/jpeg',
    size: bytes.byteLength,
    sha256: await digestSha256Hex(bytes),
    width: 1500,
    height: 1500,
    createdAt,
    blob: new Blob([bytes], { type: 'image/jpeg' }),
  }
  return { file, hash: { fileId: id, name, ...hashes, width: 1500, height: 1500 } }
}

async function seed(shape: ReadinessLabShape): Promise<ReadinessLabCounts> {
  const r = seededRandom(shape.products * 7 + shape.marketplaces.length)
  // Captured two days ago: fresh, so staleness decides nothing and the other checks do.
  const capturedAt = new Date(Date.now() - 2 * 86_400_000).toISOString()
  const createdAt = new Date(Date.now() - 30 * 86_400_000).toISOString()
  valueOf(
    await repos.profile.save({
      id: 'lab',
      name: 'Northbridge Certification Lab',
      people: [{ id: crypto.randomUUID(), name: 'Ana Novak', initials: 'AN', role: 'manager' }],
      updatedAt: createdAt,
    }),
  )
  const variations = Array.from({ length: shape.asinsPerMarketplace }, (_, v) => `Colour ${v + 1}`)
  for (let start = 0; start < shape.products; start += 50) {
    const files: StoredFileRow[] = []
    const hashes: ImageHashRow[] = []
    const products: Product[] = []
    const units: Unit[] = []
    const captures: ListingCapture[] = []
    for (let i = start; i < Math.min(shape.products, start + 50); i += 1) {
      const brand = pick(brands, i)
      const id = crypto.randomUUID()
      const modelNumber = `${brand.slice(0, 2).toUpperCase()}-${1000 + i}`
      const referenceId = crypto.randomUUID()
      const photoId = crypto.randomUUID()
      const photoHash = { dHash: hex16(r), pHash: hex16(r) }
      for (const [fileId, name, hash] of [
        [referenceId, `${modelNumber}-reference.jpg`, { dHash: hex16(r), pHash: hex16(r) }],
        [photoId, `${modelNumber}-front.jpg`, photoHash],
      ] as const) {
        const rows = await imageRows(fileId, name, createdAt, hash)
        files.push(rows.file)
        hashes.push(rows.hash)
      }
      const asins = shape.marketplaces.flatMap((marketplace, m) =>
        variations.map((variation, v) => ({ marketplace, asin: asinAt(i, m, v), variation })),
      )
      products.push(
        aProduct({
          id,
          brand,
          modelNumber,
          name: `${brand} Smart Plug ${i + 1}`,
          deviceType: 'Plug',
          marketplaces: [...shape.marketplaces],
          asins,
          variations,
          referencePhotoIds: [referenceId],
          createdAt,
          updatedAt: createdAt,
        }),
      )
      units.push(
        aUnit({
          id: crypto.randomUUID(),
          productId: id,
          serialNumber: `SN-${String(i).padStart(5, '0')}`,
          receivedFrom: `${brand} Ltd.`,
          photos: [{ fileId: photoId, role: 'front' }],
          discovery: { manufacturer: brand, model: modelNumber, endpointCount: 1, pastedAt: createdAt },
          createdAt,
          updatedAt: createdAt,
        }),
      )
      for (const { marketplace, asin } of asins) {
        // Most pages match what was tested; some differ the ways real ones do, so the matrix holds every verdict.
        const roll = r()
        const imageIds = [crypto.randomUUID(), crypto.randomUUID()]
        const [first = '', second = ''] = imageIds
        const near = roll < 0.8
        for (const [fileId, n, hash] of [
          [
            first,
            1,
            near
              ? { dHash: flipped(photoHash.dHash, 3, r), pHash: flipped(photoHash.pHash, 3, r) }
              : { dHash: hex16(r), pHash: hex16(r) },
          ],
          [second, 2, { dHash: hex16(r), pHash: hex16(r) }],
        ] as const) {
          const rows = await imageRows(fileId, `${asin}-${marketplace}-${n}.jpg`, createdAt, hash)
          files.push(rows.file)
          hashes.push(rows.hash)
        }
        captures.push({
          asin,
          marketplace,
          capturedAt,
          brand: roll > 0.9 && roll < 0.93 ? brand.toUpperCase() : brand,
          modelNumber: roll > 0.93 && roll < 0.96 ? modelNumber.replace('-', '') : modelNumber,
          title: `${brand} Smart Plug, works with Alexa`,
          deviceType: 'Plug',
          status: roll > 0.98 ? 'suppressed' : 'available',
          hubAsin: '',
          hubRequirement: '',
          bundleContents: [],
          retailIds: [],
          imageIds,
          url: `https://www.amazon.com/dp/${asin}`,
        })
      }
    }
    // storePhoto() would decode each image to hash it; the rows it would leave are written as they are.
    await db.transaction('rw', db.files, db.imageHashes, async () => {
      await db.files.bulkPut(files)
      await db.imageHashes.bulkPut(hashes)
    })
    for (const product of products) valueOf(await repos.products.save(product))
    valueOf(await repos.units.saveMany(units))
    for (let c = 0; c < captures.length; c += 500) valueOf(await repos.listings.captureAll(captures.slice(c, c + 500)))
  }
  const catalogue = await readCatalogue()
  const rows = readinessRows(catalogue)
  const [products, units, listings, files, imageHashes, audit] = await Promise.all([
    db.products.count(),
    db.units.count(),
    db.listingSnapshots.count(),
    db.files.count(),
    db.imageHashes.count(),
    db.audit.count(),
  ])
  const ready = rows.filter((row) => row.readiness.ready).length
  return {
    products,
    units,
    listings,
    files,
    imageHashes,
    audit,
    rows: rows.length,
    verdicts: { ready, blocked: rows.length - ready },
  }
}

/** What useReviewCatalogue() reads, by the app's own loader, with the clock read now. */
const readCatalogue = async (): Promise<CatalogueForReview> => ({
  ...(await readReviewCatalogue(repos)),
  now: new Date(),
})

async function halves(rounds: number): Promise<ReadinessHalves[]> {
  const out: ReadinessHalves[] = []
  for (let i = 0; i < rounds; i += 1) {
    const started = performance.now()
    const catalogue = await readCatalogue()
    const read = performance.now()
    const rows = readinessRows(catalogue)
    out.push({ catalogueMs: read - started, rowsMs: performance.now() - read, rows: rows.length })
  }
  return out
}

async function catalogueParts(rounds: number): Promise<CatalogueParts[]> {
  const out: CatalogueParts[] = []
  const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
    const started = performance.now()
    const value = await work()
    return [value, performance.now() - started]
  }
  for (let i = 0; i < rounds; i += 1) {
    const [[products, units, listings], lists] = await timed(() =>
      Promise.all([
        repos.products.list(),
        repos.units.list(),
        repos.listings.newestOfEach(),
        repos.hubs.list(),
        repos.skills.list(),
        repos.sessions.list(),
        repos.listings.newestSkillOfEach(),
        repos.reviews.all(),
        repos.profile.comparisonSettings(),
      ]),
    )
    const ids = comparedImageIds({ listings, products, units })
    const [images, imagesOfMs] = await timed(() => imagesOf(repos, ids))
    const [, imageFacts] = await timed(() => repos.files.imageFacts(ids))
    const [, filesGetAll] = await timed(() => db.files.toArray())
    const [, hashesGetAll] = await timed(() => db.imageHashes.toArray())
    out.push({ lists, imagesOf: imagesOfMs, imageFacts, filesGetAll, hashesGetAll, images: images.size })
  }
  return out
}

// Read once by the first rowsOnly() call, so a profile of the later ones holds readinessRows() alone.
let profiled: CatalogueForReview | undefined

async function rowsOnly(times: number): Promise<number> {
  profiled ??= await readCatalogue()
  let rows = 0
  for (let i = 0; i < times; i += 1) rows = readinessRows(profiled).length
  return rows
}

const api: ReadinessLabPage = { seed, halves, catalogueParts, rowsOnly }
// The Node side calls this through page.evaluate; a global keeps the bundle free of any loader.
Object.assign(globalThis, { readinessLab: api })
