/**
 * Perceptual hashes of an image from a greyscale copy of it (one byte or float
 * per pixel, row by row): 64-bit dHash (brightness gradients of a 9×8 copy) and
 * pHash (signs of the low frequencies of a 32×32 copy's DCT against their
 * median), as 16 lowercase hex digits. They survive re-encoding, resizing and
 * light cropping, not a different photograph of the same thing.
 */
export type Grey = { readonly width: number; readonly height: number; readonly pixels: ArrayLike<number> }

/** Box-filter resample to w×h: each output pixel is the mean of the input area it covers. */
export function resample(image: Grey, w: number, h: number): Float64Array {
  const { width, height, pixels } = image
  if (width < 1 || height < 1 || pixels.length < width * height) throw new RangeError('The image has no pixels.')
  const out = new Float64Array(w * h)
  for (let y = 0; y < h; y++) {
    const y0 = (y * height) / h
    const y1 = ((y + 1) * height) / h
    for (let x = 0; x < w; x++) {
      const x0 = (x * width) / w
      const x1 = ((x + 1) * width) / w
      let sum = 0
      let area = 0
      for (let sy = Math.floor(y0); sy < Math.ceil(y1); sy++) {
        const wy = Math.min(y1, sy + 1) - Math.max(y0, sy)
        for (let sx = Math.floor(x0); sx < Math.ceil(x1); sx++) {
          const wx = Math.min(x1, sx + 1) - Math.max(x0, sx)
          sum += (pixels[sy * width + sx] ?? 0) * wx * wy
          area += wx * wy
        }
      }
      out[y * w + x] = sum / area
    }
  }
  return out
}

const hex = (bits: readonly boolean[]): string => {
  let text = ''
  for (let i = 0; i < 64; i += 4)
    text += ((bits[i] ? 8 : 0) | (bits[i + 1] ? 4 : 0) | (bits[i + 2] ? 2 : 0) | (bits[i + 3] ? 1 : 0)).toString(16)
  return text
}

/** dHash: for each row of a 9×8 copy, whether each pixel is brighter than the one to its right. */
export function dHash(image: Grey): string {
  const small = resample(image, 9, 8)
  const bits: boolean[] = []
  for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) bits.push(small[y * 9 + x]! > small[y * 9 + x + 1]!)
  return hex(bits)
}

const dctCos = Array.from({ length: 8 }, (_, u) =>
  Array.from({ length: 32 }, (_, x) => Math.cos(((2 * x + 1) * u * Math.PI) / 64)),
)

/** pHash: the 8×8 lowest frequencies of a 32×32 copy's DCT (the constant term aside), each above or below their median. */
export function pHash(image: Grey): string {
  const small = resample(image, 32, 32)
  // Rows first, then columns, keeping only the 8 lowest frequencies each way.
  const rows = new Float64Array(32 * 8)
  for (let y = 0; y < 32; y++)
    for (let u = 0; u < 8; u++) {
      let sum = 0
      for (let x = 0; x < 32; x++) sum += small[y * 32 + x]! * dctCos[u]![x]!
      rows[y * 8 + u] = sum
    }
  const coefficients: number[] = []
  for (let v = 0; v < 8; v++)
    for (let u = 0; u < 8; u++) {
      let sum = 0
      for (let y = 0; y < 32; y++) sum += rows[y * 8 + u]! * dctCos[v]![y]!
      coefficients.push(sum)
    }
  const ac = coefficients.slice(1)
  const sorted = [...ac].sort((a, b) => a - b)
  const median = (sorted[31]! + sorted[32]!) / 2
  return hex(coefficients.map((c, i) => (i === 0 ? false : c > median)))
}

const popCount32 = (word: number): number => {
  let x = word - ((word >>> 1) & 0x55555555)
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

/** A hash (16 lowercase hex digits) as its two 32-bit halves, read once for many comparisons. */
export type HashHalves = readonly [number, number]

export function hashHalves(hash: string): HashHalves {
  if (!/^[0-9a-f]{16}$/.test(hash)) throw new RangeError('A hash is 16 lowercase hex digits.')
  return [Number.parseInt(hash.slice(0, 8), 16), Number.parseInt(hash.slice(8), 16)]
}

/** How many of the 64 bits of two hashes, read as halves, differ. */
export const halvesDistance = (a: HashHalves, b: HashHalves): number =>
  popCount32((a[0] ^ b[0]) >>> 0) + popCount32((a[1] ^ b[1]) >>> 0)

/** How many of the 64 bits of two hashes differ (two 32-bit halves: a review compares every pair of images). */
export function hammingDistance(a: string, b: string): number {
  return halvesDistance(hashHalves(a), hashHalves(b))
}

/** The greyscale copy (Rec. 601 luma) of RGBA pixels, as a canvas's getImageData gives them; transparent counts as white. */
export function greyOfRgba(rgba: ArrayLike<number>, width: number, height: number): Grey {
  const pixels = new Float64Array(width * height)
  for (let i = 0; i < pixels.length; i++) {
    const alpha = (rgba[i * 4 + 3] ?? 255) / 255
    const luma = 0.299 * (rgba[i * 4] ?? 0) + 0.587 * (rgba[i * 4 + 1] ?? 0) + 0.114 * (rgba[i * 4 + 2] ?? 0)
    pixels[i] = luma * alpha + 255 * (1 - alpha)
  }
  return { width, height, pixels }
}
