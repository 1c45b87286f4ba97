const jpegHead = [
  // SOI, then an APP0 JFIF segment: what a camera's file starts with, so the app's type check takes it as a JPEG.
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x48, 0x00, 0x48, 0x00,
  0x00,
]

/**
 * A photo's bytes, `size` long and different for every seed: a JPEG (SOI … EOI)
 * or WebP (RIFF … WEBP) wrapper around xorshift noise, which no compressor
 * shrinks, as real photos barely shrink. Fast enough to make gigabytes in the
 * page: a word at a time, about a second per gigabyte.
 */
export function photoBytes(seed: number, size: number, kind: 'jpeg' | 'webp'): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size)
  const words = new Uint32Array(bytes.buffer, 0, Math.floor(size / 4))
  let x = (seed * 2654435761) >>> 0 || 0x9e3779b9
  for (let i = 0; i < words.length; i += 1) {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    words[i] = x >>> 0
  }
  if (kind === 'jpeg') {
    bytes.set(jpegHead, 0)
    bytes[size - 2] = 0xff
    bytes[size - 1] = 0xd9
  } else {
    bytes.set([0x52, 0x49, 0x46, 0x46], 0)
    new DataView(bytes.buffer).setUint32(4, size - 8, true)
    bytes.set([0x57, 0x45, 0x42, 0x50], 8)
  }
  return bytes
}
