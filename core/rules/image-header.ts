import type { Check } from './check'

const formatCount = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format

/** The most pixels a photo may have: a decode takes 4 bytes a pixel, and 100 megapixels is 400 MB already. */
export const maxPhotoPixels = 100_000_000

export type PixelSize = { readonly width: number; readonly height: number }

const u16be = (b: Uint8Array, at: number) => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0)
const u32be = (b: Uint8Array, at: number) => u16be(b, at) * 65_536 + u16be(b, at + 2)
const u16le = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8)
const u24le = (b: Uint8Array, at: number) => u16le(b, at) | ((b[at + 2] ?? 0) << 16)
const u32le = (b: Uint8Array, at: number) => u16le(b, at) + u16le(b, at + 2) * 65_536
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to))

// Start-of-frame markers (baseline, progressive, lossless, arithmetic): they carry the frame's size.
const jpegFrames = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf])

/** The JPEG's frame size and where its scan starts, walking the markers before it. */
function jpegFrame(b: Uint8Array): { readonly size: PixelSize | undefined; readonly scanAt: number | undefined } {
  let size: PixelSize | undefined
  let at = 2
  while (at + 3 < b.length) {
    if (b[at] !== 0xff) return { size, scanAt: undefined }
    const marker = b[at + 1] ?? 0
    if (marker === 0xff) {
      at += 1 // fill byte
      continue
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2
      continue
    }
    if (marker === 0xda) return { size, scanAt: at }
    if (jpegFrames.has(marker)) size = { height: u16be(b, at + 5), width: u16be(b, at + 7) }
    at += 2 + u16be(b, at + 2)
  }
  return { size, scanAt: undefined }
}

/** The PNG's size, and whether its chunks run whole to IEND. */
function pngChunks(b: Uint8Array): { readonly size: PixelSize | undefined; readonly whole: boolean } {
  const size = ascii(b, 12, 16) === 'IHDR' ? { width: u32be(b, 16), height: u32be(b, 20) } : undefined
  let at = 8
  while (at + 12 <= b.length) {
    const length = u32be(b, at)
    if (ascii(b, at + 4, at + 8) === 'IEND') return { size, whole: true }
    at += 12 + length
  }
  return { size, whole: false }
}

function webpSize(b: Uint8Array): PixelSize | undefined {
  const chunk = ascii(b, 12, 16)
  if (chunk === 'VP8X') return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 }
  if (chunk === 'VP8 ') return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff }
  if (chunk === 'VP8L') {
    const bits = u32le(b, 21)
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 }
  }
  return undefined
}

/** The pixel size an image's header states, read without decoding it; undefined when the header does not say. */
export function statedPixelSize(mime: string, b: Uint8Array): PixelSize | undefined {
  switch (mime) {
    case 'image/jpeg':
      return jpegFrame(b).size
    case 'image/png':
      return pngChunks(b).size
    case 'image/gif':
      return { width: u16le(b, 6), height: u16le(b, 8) }
    case 'image/webp':
      return webpSize(b)
    case 'image/bmp': {
      const height = u16le(b, 22) | ((b[24] ?? 0) << 16) | ((b[25] ?? 0) << 24)
      return { width: u16le(b, 18) | ((b[20] ?? 0) << 16), height: Math.abs(height) }
    }
    default:
      return undefined
  }
}

/** Whether the file ends where its format says it must: a JPEG's end marker after its scan, a PNG's IEND chunk. */
function isWhole(mime: string, b: Uint8Array): boolean {
  if (mime === 'image/png') return pngChunks(b).whole
  if (mime !== 'image/jpeg') return true
  const { scanAt } = jpegFrame(b)
  if (scanAt === undefined) return false
  // Inside the scan a 0xFF byte is always followed by 0x00 or a restart marker; FF D9 is only the end.
  for (let at = b.length - 2; at > scanAt; at--) if (b[at] === 0xff && b[at + 1] === 0xd9) return true
  return false
}

/**
 * Checks a photo's header before it is decoded: a pixel size it states, at most
 * maxPhotoPixels (a small file can state a huge image, and decoding it would take
 * gigabytes), and a file that ends where its format says (a cut-short download is
 * refused rather than stored half grey).
 */
export function checkPhotoHeader(name: string, mime: string, bytes: Uint8Array): Check<PixelSize | undefined> {
  const size = statedPixelSize(mime, bytes)
  if (size !== undefined && (size.width === 0 || size.height === 0))
    return { ok: false, message: `${name} states a size of ${size.width} × ${size.height} pixels; it may be damaged.` }
  if (size !== undefined && size.width * size.height > maxPhotoPixels) {
    const megapixels = Math.round((size.width * size.height) / 1_000_000)
    return {
      ok: false,
      message:
        `${name} is ${formatCount(size.width)} × ${formatCount(size.height)} pixels (${formatCount(megapixels)} megapixels); ` +
        `photos can be at most ${formatCount(maxPhotoPixels / 1_000_000)} megapixels. Nothing was stored: save a smaller copy (half the width is plenty) and add that.`,
    }
  }
  if (!isWhole(mime, bytes))
    return {
      ok: false,
      message: `${name} is cut short: the file ends before the image does (an interrupted copy or download). Nothing was stored: copy it again and add that.`,
    }
  return { ok: true, value: size }
}
