// Runs in Chromium, bundled by vite: the app's image workers, timed against a bare decode of the same photos.
import { createWorkerPool } from '../../renderer/workers/host'
import type { ImageDecodeProtocol } from '../../renderer/workers/image-decode.worker'
import { seededRandom } from './seeded-random'

export type ImageHashFigures = {
  /** Wall time of decoding every photo one after another with createImageBitmap, nothing else. */
  readonly bareMs: number
  readonly bareEachMs: readonly number[]
  /** Wall time of hashing every photo through the pool (decode, thumbnail, hashes), all queued at once. */
  readonly poolMs: number
  readonly poolEachMs: readonly number[]
  /** The longest task on the window's thread while the pool worked. */
  readonly longestTaskMs: number
  readonly bytes: number
  readonly hashed: number
}

export type ImageHashBench = (count: number, workers: number) => Promise<ImageHashFigures>

/** A 4000×3000 JPEG (12 MP) with photo-like detail: gradients, shapes and fine noise, different per seed. */
async function photo(seed: number): Promise<Blob> {
  const random = seededRandom(seed)
  const canvas = new OffscreenCanvas(4000, 3000)
  const context = canvas.getContext('2d')
  if (!context) throw new Error('no 2D canvas')
  const sky = context.createLinearGradient(0, 0, 4000, 3000)
  sky.addColorStop(0, `hsl(${Math.floor(random() * 360)} 60% 70%)`)
  sky.addColorStop(1, `hsl(${Math.floor(random() * 360)} 50% 30%)`)
  context.fillStyle = sky
  context.fillRect(0, 0, 4000, 3000)
  for (let i = 0; i < 400; i++) {
    context.fillStyle = `hsl(${Math.floor(random() * 360)} ${Math.floor(random() * 100)}% ${Math.floor(random() * 100)}% / 0.6)`
    context.beginPath()
    context.arc(random() * 4000, random() * 3000, 20 + random() * 300, 0, Math.PI * 2)
    context.fill()
  }
  // Sensor-like noise, so the JPEG has as much to code as a real photo.
  const noise = context.getImageData(0, 0, 4000, 3000)
  for (let i = 0; i < noise.data.length; i += 4) {
    const n = (random() - 0.5) * 24
    noise.data[i] = (noise.data[i] ?? 0) + n
    noise.data[i + 1] = (noise.data[i + 1] ?? 0) + n
    noise.data[i + 2] = (noise.data[i + 2] ?? 0) + n
  }
  context.putImageData(noise, 0, 0)
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })
}

const runImageHashBench: ImageHashBench = async (count, workers) => {
  const photos: Blob[] = []
  for (let i = 0; i < count; i++) photos.push(await photo(i + 1))

  const bareEachMs: number[] = []
  const bareStart = performance.now()
  for (const image of photos) {
    const start = performance.now()
    const bitmap = await createImageBitmap(image, { imageOrientation: 'from-image' })
    bitmap.close()
    bareEachMs.push(performance.now() - start)
  }
  const bareMs = performance.now() - bareStart

  const pool = createWorkerPool<ImageDecodeProtocol>({
    start: () =>
      new Worker(new URL('../../renderer/workers/image-decode.worker.ts', import.meta.url), { type: 'module' }),
    size: workers,
    reuse: true,
  })
  // Warm the workers, as the app's are after its first photo.
  await Promise.all(
    Array.from({ length: workers }, () =>
      pool.run(
        { image: photos[0]! },
        { deadlineMillis: 60_000, label: { subject: 'warm-up', action: 'decoded', worker: 'image decoder' } },
      ),
    ),
  )
  let longestTaskMs = 0
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestTaskMs = Math.max(longestTaskMs, entry.duration)
  })
  observer.observe({ type: 'longtask', buffered: false })
  const poolStart = performance.now()
  const outcomes = await Promise.all(
    photos.map(async (image) => {
      const start = performance.now()
      const outcome = await pool.run(
        { image },
        { deadlineMillis: 60_000, label: { subject: 'a photo', action: 'decoded', worker: 'image decoder' } },
      )
      return { outcome, ms: performance.now() - start }
    }),
  )
  const poolMs = performance.now() - poolStart
  // Long tasks are reported a moment after they end.
  await new Promise((resolve) => setTimeout(resolve, 100))
  observer.disconnect()
  pool.close()
  return {
    bareMs,
    bareEachMs,
    poolMs,
    poolEachMs: outcomes.map((o) => o.ms),
    longestTaskMs,
    bytes: photos.reduce((sum, p) => sum + p.size, 0),
    hashed: outcomes.filter((o) => o.outcome.kind === 'done' && o.outcome.result.hashes !== undefined).length,
  }
}

Object.assign(globalThis, { runImageHashBench })
