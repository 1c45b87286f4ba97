import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dHash, greyOfRgba, hammingDistance, pHash, resample, type Grey } from '../../../../core/rules/image-hash'

/** A test picture: soft shapes whose brightness depends only on where a pixel is, so any size draws the same scene. */
function scene(width: number, height: number, variant = 0, crop = 0): Grey {
  const pixels = new Uint8Array(width * height)
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const u = crop + ((1 - 2 * crop) * x) / width
      const v = crop + ((1 - 2 * crop) * y) / height
      const blob = Math.exp(-((u - 0.35) ** 2 + (v - 0.4) ** 2) * 18) * 200
      const bar = u > 0.6 && u < 0.8 && v > 0.2 ? 120 : 0
      const ramp = 40 * v + variant * 60 * Math.sin(u * 9)
      pixels[y * width + x] = Math.max(0, Math.min(255, Math.round(blob + bar + ramp)))
    }
  return { width, height, pixels }
}

/** Mild noise, as a re-encoding leaves it: seeded, so a failure repeats. */
function withNoise(image: Grey, amount: number, seed = 1): Grey {
  let state = seed
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 2 * amount
  return {
    ...image,
    pixels: Uint8Array.from(image.pixels as Uint8Array, (p) => Math.max(0, Math.min(255, Math.round(p + next())))),
  }
}

describe('perceptual hashes', () => {
  it('are 16 hex digits and the same for the same picture', () => {
    const a = scene(320, 240)
    expect(dHash(a)).toMatch(/^[0-9a-f]{16}$/)
    expect(pHash(a)).toMatch(/^[0-9a-f]{16}$/)
    expect(dHash(scene(320, 240))).toBe(dHash(a))
  })

  it('stay near for the same picture resized, re-encoded or lightly cropped, and far for another', () => {
    const original = scene(640, 480)
    const near = [scene(200, 150), withNoise(original, 12), scene(640, 480, 0, 0.03)]
    for (const other of near) {
      expect(hammingDistance(dHash(original), dHash(other))).toBeLessThanOrEqual(10)
      expect(hammingDistance(pHash(original), pHash(other))).toBeLessThanOrEqual(12)
    }
    const different = scene(640, 480, 1)
    const inverted: Grey = { ...original, pixels: Uint8Array.from(original.pixels as Uint8Array, (p) => 255 - p) }
    for (const other of [different, inverted])
      expect(
        hammingDistance(dHash(original), dHash(other)) + hammingDistance(pHash(original), pHash(other)),
      ).toBeGreaterThan(22)
  })

  it('resamples by area: a flat image stays flat, the mean is kept', () => {
    const flat: Grey = { width: 7, height: 5, pixels: new Uint8Array(35).fill(90) }
    expect([...resample(flat, 3, 2)].every((p) => Math.abs(p - 90) < 1e-9)).toBe(true)
    const img = scene(50, 30)
    const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0) / xs.length
    expect(mean(resample(img, 10, 6))).toBeCloseTo(mean(img.pixels), 6)
  })

  it('counts differing bits, symmetric and zero only for equal hashes', () => {
    expect(hammingDistance('0000000000000000', 'ffffffffffffffff')).toBe(64)
    expect(hammingDistance('00000000000000f0', '0000000000000010')).toBe(3)
    expect(() => hammingDistance('xyz', '0000000000000000')).toThrow(RangeError)
    const hash = fc.stringMatching(/^[0-9a-f]{16}$/)
    fc.assert(
      fc.property(hash, hash, (a, b) => {
        expect(hammingDistance(a, b)).toBe(hammingDistance(b, a))
        expect(hammingDistance(a, b) === 0).toBe(a === b)
      }),
    )
  })

  it('reads RGBA pixels as their luma, transparency as white, so a canvas copy hashes like the greyscale scene', () => {
    const grey = greyOfRgba([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 10, 10, 10, 0], 2, 2)
    expect(Array.from(grey.pixels, (p) => Math.round(p))).toEqual([76, 150, 29, 255])
    const picture = scene(64, 48)
    const rgba = new Uint8ClampedArray(64 * 48 * 4)
    Array.from(picture.pixels).forEach((p, i) => rgba.set([p, p, p, 255], i * 4))
    expect(dHash(greyOfRgba(rgba, 64, 48))).toBe(dHash(picture))
    expect(pHash(greyOfRgba(rgba, 64, 48))).toBe(pHash(picture))
  })
})
