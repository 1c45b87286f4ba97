import { createWorkerPool, type WorkerPool } from '../workers/host'
import { decodeImage, type ImageDecodeProtocol, type ImageFacts } from '../workers/image-decode.worker'

export type { ImageFacts }

export type ImageProbe = (image: Blob) => Promise<ImageFacts>

// A 50-megapixel photo decodes in a few seconds on a slow machine; one that takes this long is not going to.
const decodeDeadlineMillis = 60_000

let pool: WorkerPool<ImageDecodeProtocol> | undefined

/**
 * Decodes each photo once, in a pool of Web Workers (one per spare core): upright
 * by its EXIF orientation, with a WebP thumbnail for lists and its perceptual
 * hashes, while the window stays responsive. A photo that cannot be decoded, or
 * takes too long, rejects with why.
 */
export const probeImageInWorkers: ImageProbe = async (image) => {
  pool ??= createWorkerPool<ImageDecodeProtocol>({
    start: () =>
      new Worker(new URL('../workers/image-decode.worker.ts', import.meta.url), {
        type: 'module',
        name: 'image-decode',
      }),
    // Decoding keeps nothing between photos, so a worker that answered takes the next.
    reuse: true,
  })
  const outcome = await pool.run(
    { image },
    {
      deadlineMillis: decodeDeadlineMillis,
      label: { subject: 'The photo', action: 'decoded', worker: 'image decoder' },
    },
  )
  switch (outcome.kind) {
    case 'done':
      return outcome.result
    case 'failed':
      throw new Error(outcome.message)
    case 'timed-out':
      throw new Error(`The photo could not be decoded within ${decodeDeadlineMillis / 1000} s.`)
    case 'canceled':
      throw new Error('Decoding the photo was canceled.')
  }
}

/** The same decode on the calling thread: for seeding benchmarks, where one page does nothing else. */
export const probeImageInBrowser: ImageProbe = decodeImage
