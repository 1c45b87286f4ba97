import { recordsPerProduct, type PhotoSpec } from './browser/backup-lab-shape'
import { seededRandom } from './browser/seeded-random'

/** The lab the issue names: 10,000 records and 2 GiB of photos of 2–8 MiB each. */
export const fullLab = { records: 10_000, photoBytes: 2 * 1024 ** 3 } as const
const photoSize = { min: 2 * 1024 ** 2, max: 8 * 1024 ** 2 } as const

export type BackupBenchPlan = {
  readonly scale: number
  readonly products: number
  /** Products, units, sessions and results the repositories write (audit entries and the plan come with them). */
  readonly records: number
  readonly photos: readonly PhotoSpec[]
  readonly photoBytes: number
}

/** WWA_LAB_BENCH_SCALE: 1 unless set; 0.1 is 1,000 records and 205 MiB of photos. */
export function readBenchScale(raw = process.env.WWA_LAB_BENCH_SCALE): number {
  if (raw === undefined || raw === '') return 1
  const scale = Number(raw)
  if (!(scale > 0 && scale <= 1))
    throw new Error(`WWA_LAB_BENCH_SCALE must be a number above 0 and at most 1 (0.1 for a quick run), not "${raw}".`)
  return scale
}

/** The same photo sizes for the same scale, every run: 2–8 MiB at random, the last one cut to reach the total. */
export function planPhotos(scale: number): BackupBenchPlan {
  const products = Math.max(1, Math.round((fullLab.records * scale) / recordsPerProduct))
  const total = Math.round(fullLab.photoBytes * scale)
  const random = seededRandom(8)
  const photos: PhotoSpec[] = []
  let bytes = 0
  while (bytes < total) {
    const size = Math.min(total - bytes, photoSize.min + Math.floor(random() * (photoSize.max - photoSize.min)))
    // A JPEG needs its start and end markers; a last sliver too small for them joins the photo before.
    if (size < 64 && photos.length > 0) {
      const last = photos.pop() as PhotoSpec
      photos.push({ index: last.index, size: last.size + size })
    } else photos.push({ index: photos.length, size })
    bytes += size
  }
  return { scale, products, records: products * recordsPerProduct, photos, photoBytes: bytes }
}
