import { describe, expect, test } from 'vitest'
import { heifRefusal, isHeifBytes, isHeifNamed, sniffImageType } from '../../../../core/rules/image-type'

/** The first bytes of an ISO-BMFF file: a box size, "ftyp", the major brand and a minor version. */
const ftyp = (brand: string) =>
  new Uint8Array([0, 0, 0, 24, ...Buffer.from('ftyp'), ...Buffer.from(brand), 0, 0, 0, 0, ...Buffer.from('mif1heic')])

describe('sniffImageType', () => {
  test('names a JPEG and a PNG from their bytes', () => {
    expect(sniffImageType('a.bin', new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toEqual({ ok: true, value: 'image/jpeg' })
    expect(sniffImageType('a', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toEqual({
      ok: true,
      value: 'image/png',
    })
  })

  test('refuses a HEIC photo, whatever its name, saying how to convert it', () => {
    const refused = sniffImageType('IMG_0042.jpg', ftyp('heic'))
    expect(refused).toEqual({ ok: false, message: heifRefusal('IMG_0042.jpg') })
    expect(heifRefusal('IMG_0042.HEIC')).toMatch(/^IMG_0042\.HEIC is a HEIC photo.*nothing was stored.*JPEG/)
  })

  test('refuses anything else as not a photo', () => {
    expect(sniffImageType('bench.log', new TextEncoder().encode('boot ok'))).toEqual({
      ok: false,
      message: 'bench.log is not a photo: its contents are not JPEG, PNG, WebP, GIF or BMP.',
    })
  })
})

describe('HEIC and HEIF', () => {
  test('are told by their ftyp brand', () => {
    for (const brand of ['heic', 'heix', 'mif1', 'hevc']) expect(isHeifBytes(ftyp(brand))).toBe(true)
    // AVIF and MP4 share the box layout but are other formats.
    for (const brand of ['avif', 'isom', 'mp42']) expect(isHeifBytes(ftyp(brand))).toBe(false)
    expect(isHeifBytes(new Uint8Array([1, 2]))).toBe(false)
  })

  test('are told by MIME type or extension before reading', () => {
    expect(isHeifNamed('photo.bin', 'image/heic')).toBe(true)
    expect(isHeifNamed('photo.bin', 'image/heif-sequence')).toBe(true)
    expect(isHeifNamed('IMG_1.HEIC')).toBe(true)
    expect(isHeifNamed('IMG_1.heif', '')).toBe(true)
    expect(isHeifNamed('IMG_1.jpg', 'image/jpeg')).toBe(false)
  })
})
