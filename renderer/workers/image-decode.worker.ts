// Decodes a stored photo away from the window's thread: upright by its EXIF
// orientation, a small WebP thumbnail for lists, and the perceptual hashes of a
// greyscale copy, so neither lists nor comparisons ever decode it again.
import { dHash, greyOfRgba, pHash } from '../../core/rules/image-hash'
import type { WorkerProtocol } from './protocol'
import { serve } from './serve'

/** What decoding a photo tells: its upright size, a small thumbnail for lists, and its perceptual hashes. */
export type ImageFacts = {
  readonly width: number
  readonly height: number
  readonly thumbnail: Blob
  readonly thumbnailWidth: number
  readonly thumbnailHeight: number
  /** dHash and pHash of the upright image (absent where a probe does not compute them). */
  readonly hashes?: { readonly dHash: string; readonly pHash: string }
}

export type ImageDecodeProtocol = WorkerProtocol<{ readonly image: Blob }, ImageFacts>

const thumbnailEdge = 240
// The hashes box-filter to 32×32 at most: a copy this size keeps every detail they can see.
const hashEdge = 128

const fitted = (bitmap: ImageBitmap, edge: number) => {
  const scale = Math.min(1, edge / Math.max(bitmap.width, bitmap.height))
  return {
    width: Math.max(1, Math.round(bitmap.width * scale)),
    height: Math.max(1, Math.round(bitmap.height * scale)),
  }
}

/** A 2D canvas of this size with the bitmap drawn on it, smoothed well: a photo shrunk 30 times in one step aliases otherwise. */
function drawn(bitmap: ImageBitmap, edge: number, readBack: boolean) {
  const { width, height } = fitted(bitmap, edge)
  const canvas = new OffscreenCanvas(width, height)
  const context = canvas.getContext('2d', { willReadFrequently: readBack })
  if (!context) throw new Error('this browser cannot draw images off screen')
  context.imageSmoothingQuality = 'high'
  context.drawImage(bitmap, 0, 0, width, height)
  return { canvas, context, width, height }
}

export async function decodeImage(image: Blob): Promise<ImageFacts> {
  const bitmap = await createImageBitmap(image, { imageOrientation: 'from-image' })
  try {
    const small = drawn(bitmap, thumbnailEdge, false)
    const thumbnail = await small.canvas.convertToBlob({ type: 'image/webp', quality: 0.82 })
    const copy = drawn(bitmap, hashEdge, true)
    const grey = greyOfRgba(copy.context.getImageData(0, 0, copy.width, copy.height).data, copy.width, copy.height)
    return {
      width: bitmap.width,
      height: bitmap.height,
      thumbnail,
      thumbnailWidth: small.width,
      thumbnailHeight: small.height,
      hashes: { dHash: dHash(grey), pHash: pHash(grey) },
    }
  } finally {
    bitmap.close()
  }
}

// Only as a worker: the window imports this module for its types alone.
if (typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined')
  serve<ImageDecodeProtocol>(({ image }) => decodeImage(image))
