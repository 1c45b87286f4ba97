// Decodes a stored photo away from the window's thread: upright by its EXIF
// orientation, a small WebP thumbnail for lists, and the perceptual hashes of a
// greyscale copy, so neither lists nor comparisons ever decode it again.
import { statedPixelSize } from '../../core/rules/image-header'
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

/** Something decoded to draw from, with the image's upright size at full resolution (which it may be smaller than). */
type Decoded = {
  readonly source: ImageBitmap | VideoFrame
  readonly width: number
  readonly height: number
  readonly close: () => void
}

const fitted = (image: Decoded, edge: number) => {
  const scale = Math.min(1, edge / Math.max(image.width, image.height))
  return {
    width: Math.max(1, Math.round(image.width * scale)),
    height: Math.max(1, Math.round(image.height * scale)),
  }
}

/** A 2D canvas of this size with the image drawn on it, smoothed well: a photo shrunk 30 times in one step aliases otherwise. */
function drawn(image: Decoded, edge: number, readBack: boolean) {
  const { width, height } = fitted(image, edge)
  const canvas = new OffscreenCanvas(width, height)
  const context = canvas.getContext('2d', { willReadFrequently: readBack })
  if (!context) throw new Error('this browser cannot draw images off screen')
  context.imageSmoothingQuality = 'high'
  // A VideoFrame is drawn turned as its EXIF orientation says, as an ImageBitmap made 'from-image' is.
  context.drawImage(image.source, 0, 0, width, height)
  return { canvas, context, width, height }
}

/** The smallest a JPEG is decoded: twice the thumbnail's edge, so neither it nor the hashes lose detail. */
const smallestEdge = thumbnailEdge * 2

/**
 * A JPEG decoded at the smallest of the scales its decoder computes directly (an eighth, a quarter or half of each
 * side) that keeps `smallestEdge`: decoding a twelve-megapixel photo at an eighth takes about 32 ms against 71 ms in
 * full on this machine, and the photo's full size is its header's. Undefined where that is not on offer (another
 * type, a small photo, no WebCodecs, a header that does not say, a decoder that refuses): then it is decoded whole.
 */
async function decodedSmall(image: Blob): Promise<Decoded | undefined> {
  if (image.type !== 'image/jpeg' || typeof ImageDecoder === 'undefined') return undefined
  const bytes = new Uint8Array(await image.arrayBuffer())
  const coded = statedPixelSize('image/jpeg', bytes)
  if (coded === undefined || coded.width === 0 || coded.height === 0) return undefined
  const scale = [8, 4, 2].find((s) => Math.max(Math.ceil(coded.width / s), Math.ceil(coded.height / s)) >= smallestEdge)
  if (scale === undefined) return undefined
  let decoder: ImageDecoder | undefined
  try {
    decoder = new ImageDecoder({
      data: bytes,
      type: 'image/jpeg',
      desiredWidth: Math.ceil(coded.width / scale),
      desiredHeight: Math.ceil(coded.height / scale),
    })
    const { image: frame } = await decoder.decode()
    // Turned a quarter by its orientation, the frame shows the sides of its picture (not of its buffer) swapped.
    const picture = frame.visibleRect ?? { width: frame.codedWidth, height: frame.codedHeight }
    const turned = frame.displayWidth === picture.height && frame.displayHeight === picture.width
    return {
      source: frame,
      width: turned ? coded.height : coded.width,
      height: turned ? coded.width : coded.height,
      close: () => frame.close(),
    }
  } catch {
    return undefined
  } finally {
    decoder?.close()
  }
}

async function decodedWhole(image: Blob): Promise<Decoded> {
  const bitmap = await createImageBitmap(image, { imageOrientation: 'from-image' })
  return { source: bitmap, width: bitmap.width, height: bitmap.height, close: () => bitmap.close() }
}

/** The thumbnail and hashes of a decoded image. */
async function factsOf(decoded: Decoded): Promise<ImageFacts> {
  const small = drawn(decoded, thumbnailEdge, false)
  const thumbnail = await small.canvas.convertToBlob({ type: 'image/webp', quality: 0.82 })
  const copy = drawn(decoded, hashEdge, true)
  const grey = greyOfRgba(copy.context.getImageData(0, 0, copy.width, copy.height).data, copy.width, copy.height)
  return {
    width: decoded.width,
    height: decoded.height,
    thumbnail,
    thumbnailWidth: small.width,
    thumbnailHeight: small.height,
    hashes: { dHash: dHash(grey), pHash: pHash(grey) },
  }
}

export async function decodeImage(image: Blob): Promise<ImageFacts> {
  const small = await decodedSmall(image)
  if (small !== undefined) {
    try {
      return await factsOf(small)
    } catch {
      // A frame that cannot be drawn is decoded again whole, as any other image is.
    } finally {
      small.close()
    }
  }
  const whole = await decodedWhole(image)
  try {
    return await factsOf(whole)
  } finally {
    whole.close()
  }
}

// Only as a worker: the window imports this module for its types alone.
if (typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined')
  serve<ImageDecodeProtocol>(({ image }) => decodeImage(image))
