import { fileURLToPath } from 'node:url'
import type { BenchResult } from './bench-result'
import { buildBenchSite } from './browser/bench-site'
import type { ImageHashBench } from './browser/image-hash.page'
import { median } from './median'

const count = 40
const workers = 2

type BenchWindow = Window & { readonly runImageHashBench: ImageHashBench }

/**
 * Hashing 40 twelve-megapixel JPEGs through the image workers (decode upright,
 * WebP thumbnail, perceptual hashes), two at a time, against a bare
 * createImageBitmap decode of the same files, in Chromium, in one run.
 */
export async function run(): Promise<BenchResult> {
  const site = await buildBenchSite(fileURLToPath(new URL('./browser/image-hash.page.ts', import.meta.url)))
  try {
    const bench = await site.open()
    try {
      const figures = await bench.page.evaluate(
        ([n, w]) => (window as unknown as BenchWindow).runImageHashBench(n, w),
        [count, workers] as const,
      )
      if (figures.hashed !== count) throw new Error(`Only ${figures.hashed} of ${count} photos were hashed.`)
      const perSecond = (count / figures.poolMs) * 1000
      return {
        name: 'image-hash',
        count,
        items: '12-megapixel JPEGs',
        subject: { label: `image workers (${workers}): decode, thumbnail and hashes`, ms: figures.poolMs },
        baseline: { label: 'bare createImageBitmap, one after another', ms: figures.bareMs },
        details: [
          { label: 'median per photo, bare decode', ms: median(figures.bareEachMs) },
          { label: 'median per photo through the pool (queued included)', ms: median(figures.poolEachMs) },
        ],
        notes: [
          `${perSecond.toFixed(1)} photos per second through the pool; ${(figures.bytes / count / 1_048_576).toFixed(1)} MiB per photo on average`,
          `longest task on the window's thread while the pool hashed: ${Math.round(figures.longestTaskMs)} ms (0 is none over 50 ms)`,
        ],
      }
    } finally {
      await bench.close()
    }
  } finally {
    await site.remove()
  }
}
