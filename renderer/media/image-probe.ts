/** What decoding a photo tells: its upright size and a small thumbnail for lists. */
export type ImageFacts = {
  readonly width: number
  readonly height: number
  readonly thumbnail: Blob
  readonly thumbnailWidth: number
  readonly thumbnailHeight: number
}

export type ImageProbe = (image: Blob) => Promise<ImageFacts>

const thumbnailEdge = 240

/**
 * Decodes the photo once, upright by its EXIF orientation, and draws a small
 * WebP thumbnail so lists never decode full images again.
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
    return { width: bitmap.width, height: bitmap.height, thumbnail, thumbnailWidth: width, thumbnailHeight: height }
  } finally {
    bitmap.close()
  }
}
