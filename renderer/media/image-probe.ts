import { dHash, greyOfRgba, pHash } from '../../core/rules/image-hash'

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

export type ImageProbe = (image: Blob) => Promise<ImageFacts>

const thumbnailEdge = 240
// The hashes box-filter to 32×32 at most: a copy this size keeps every detail they can see.
const hashEdge = 128

/**
 * Decodes the photo once, upright by its EXIF orientation, draws a small WebP
 * thumbnail so lists never decode full images again, and hashes a greyscale
 * copy so comparing images never decodes them either.
 */
export const probeImageInBrowser: ImageProbe = async (image) => {
  const bitmap = await createImageBitmap(image, { imageOrientation: 'from-image' })
  try {
    const scale = Math.min(1, thumbnailEdge / Math.max(bitmap.width, bitmap.height))
    const width = Math.max(1, Math.round(bitmap.width * scale))
    const height = Math.max(1, Math.round(bitmap.height * scale))
    const canvas = new OffscreenCanvas(width, height)
    const context = canvas.getContext('2d')
    if (!context) throw new Error('This browser cannot draw thumbnails.')
    context.drawImage(bitmap, 0, 0, width, height)
    const thumbnail = await canvas.convertToBlob({ type: 'image/webp', quality: 0.82 })
    return {
      width: bitmap.width,
      height: bitmap.height,
      thumbnail,
      thumbnailWidth: width,
      thumbnailHeight: height,
      hashes: hashesOf(bitmap),
    }
  } finally {
    bitmap.close()
  }
}

function hashesOf(bitmap: ImageBitmap): { readonly dHash: string; readonly pHash: string } {
  const scale = Math.min(1, hashEdge / Math.max(bitmap.width, bitmap.height))
  const width = Math.max(1, Math.round(bitmap.width * scale))
  const height = Math.max(1, Math.round(bitmap.height * scale))
  const canvas = new OffscreenCanvas(width, height)
  const context = canvas.getContext('2d', { willReadFrequently: true })
  if (!context) throw new Error('This browser cannot read image pixels.')
  // A photo shrunk 30 times in one step aliases under the default smoothing, and the same picture at two sizes
  // would hash apart.
  context.imageSmoothingQuality = 'high'
  context.drawImage(bitmap, 0, 0, width, height)
  const grey = greyOfRgba(context.getImageData(0, 0, width, height).data, width, height)
  return { dHash: dHash(grey), pHash: pHash(grey) }
}
