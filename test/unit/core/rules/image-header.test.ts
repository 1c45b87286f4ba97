import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkPhotoHeader, maxPhotoPixels, statedPixelSize } from '../../../../core/rules/image-header'
import { encodePng, pngStating } from '../../../helpers/png'

const photo = (name: string) => readFile(join(import.meta.dirname, '../../../fixtures/images', name))

/** The start of a baseline JPEG stating this size: SOI, an APP0, then SOF0. */
const jpegStating = (width: number, height: number) =>
  Uint8Array.from([
    0xff,
    0xd8,
    0xff,
    0xe0,
    0x00,
    0x04,
    0x00,
    0x00,
    0xff,
    0xc0,
    0x00,
    0x11,
    0x08,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    0x03,
  ])

describe('the pixel size an image header states', () => {
  it('is read without decoding, for JPEG (after its EXIF block), PNG, GIF, WebP and BMP', async () => {
    expect(statedPixelSize('image/jpeg', new Uint8Array(await photo('chelsea-upright.jpg')))).toEqual({
      width: 256,
      height: 170,
    })
    expect(statedPixelSize('image/jpeg', new Uint8Array(await photo('chelsea-exif6.jpg')))).toEqual({
      width: 170,
      height: 256,
    })
    expect(statedPixelSize('image/png', encodePng({ width: 40, height: 30, colour: { r: 1, g: 2, b: 3 } }))).toEqual({
      width: 40,
      height: 30,
    })
    const gif = Uint8Array.from([...Buffer.from('GIF89a'), 0x20, 0x03, 0x58, 0x02])
    expect(statedPixelSize('image/gif', gif)).toEqual({ width: 800, height: 600 })
    const webp = new Uint8Array(30)
    webp.set(Buffer.from('RIFF'), 0)
    webp.set(Buffer.from('WEBPVP8X'), 8)
    webp.set([0x7f, 0x07, 0x00, 0x37, 0x04, 0x00], 24) // 1920 × 1080, stored less one
    expect(statedPixelSize('image/webp', webp)).toEqual({ width: 1920, height: 1080 })
    const bmp = new Uint8Array(30)
    bmp.set([0x42, 0x4d], 0)
    bmp.set([0x80, 0x02, 0, 0, 0x20, 0xfe, 0xff, 0xff], 18) // 640 wide, -480 high (top-down)
    expect(statedPixelSize('image/bmp', bmp)).toEqual({ width: 640, height: 480 })
  })
})

describe('a photo header checked before decoding', () => {
  it('passes a whole photograph, with its size', async () => {
    const jpeg = new Uint8Array(await photo('coffee.jpg'))
    expect(checkPhotoHeader('coffee.jpg', 'image/jpeg', jpeg)).toEqual({ ok: true, value: { width: 256, height: 171 } })
  })

  it('refuses an image stating more than 100 megapixels, however small the file', () => {
    const bomb = pngStating(16_384, 12_288)
    expect(bomb.byteLength).toBeLessThan(100)
    expect(checkPhotoHeader('bomb.png', 'image/png', bomb)).toEqual({
      ok: false,
      message:
        'bomb.png is 16,384 × 12,288 pixels (201 megapixels); photos can be at most 100 megapixels. Nothing was stored: save a smaller copy (half the width is plenty) and add that.',
    })
    expect(checkPhotoHeader('big.jpg', 'image/jpeg', jpegStating(20_000, 10_000)).ok).toBe(false)
    expect(checkPhotoHeader('ok.png', 'image/png', pngStating(10_000, maxPhotoPixels / 10_000)).ok).toBe(true)
  })

  it('refuses a JPEG or PNG that is cut short, and one stating no pixels', async () => {
    const jpeg = new Uint8Array(await photo('coffee.jpg'))
    for (const at of [20, 400, Math.floor(jpeg.byteLength * 0.6), jpeg.byteLength - 1])
      expect(checkPhotoHeader('cut.jpg', 'image/jpeg', jpeg.slice(0, at)), `cut at ${at}`).toEqual({
        ok: false,
        message:
          'cut.jpg is cut short: the file ends before the image does (an interrupted copy or download). Nothing was stored: copy it again and add that.',
      })
    // Bytes a camera adds after the end marker are not a cut.
    const trailer = Uint8Array.from([...jpeg, 0, 0, 0x4d, 0x50, 0x46])
    expect(checkPhotoHeader('trailer.jpg', 'image/jpeg', trailer).ok).toBe(true)
    const png = encodePng({ width: 8, height: 8, colour: { r: 1, g: 2, b: 3 } })
    expect(checkPhotoHeader('cut.png', 'image/png', png.slice(0, png.byteLength - 12)).ok).toBe(false)
    expect(checkPhotoHeader('empty.png', 'image/png', pngStating(0, 10))).toEqual({
      ok: false,
      message: 'empty.png states a size of 0 × 10 pixels; it may be damaged.',
    })
  })
})
