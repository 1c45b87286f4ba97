import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { bundleForPage, installInPage } from './in-page-bundle'
import type { ImageDecodeGlobal } from './image-decode-entry'
import { perTest } from './per-test'

type PageWindow = Window & { readonly __imageDecode: ImageDecodeGlobal }

type Decoded = { width: number; height: number; thumbnail: [number, number]; dHash: string; pHash: string }

const each = perTest()

describe('decoding a large JPEG at a fraction of its size (the image workers)', () => {
  it('gives its full upright size, an upright thumbnail, and the hashes of the same picture decoded whole', async () => {
    const bundle = await bundleForPage(
      fileURLToPath(new URL('./image-decode-entry.ts', import.meta.url)),
      '__imageDecode',
    )
    const app = await each.launch()
    await installInPage(app.page, bundle)
    const found = await app.page.evaluate(async () => {
      const { decodeImage, hammingDistance } = (window as unknown as PageWindow).__imageDecode
      /** A photo-like picture (gradient, discs, grain) as a JPEG of this size; the same picture at any size. */
      const picture = async (width: number, height: number, seed: number) => {
        const canvas = new OffscreenCanvas(width, height)
        const c = canvas.getContext('2d')
        if (!c) throw new Error('no 2D canvas')
        c.scale(width / 3000, height / 2000)
        const sky = c.createLinearGradient(0, 0, 3000, 2000)
        sky.addColorStop(0, `hsl(${seed * 47} 60% 75%)`)
        sky.addColorStop(1, `hsl(${seed * 91} 50% 25%)`)
        c.fillStyle = sky
        c.fillRect(0, 0, 3000, 2000)
        for (let i = 1; i <= 60; i++) {
          c.fillStyle = `hsl(${(i * seed * 37) % 360} 70% ${(i * 13) % 100}% / 0.7)`
          c.beginPath()
          c.arc((i * seed * 997) % 3000, (i * seed * 463) % 2000, 40 + ((i * 71) % 400), 0, Math.PI * 2)
          c.fill()
        }
        return new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer())
      }
      /** The JPEG with an EXIF block giving its orientation (6: turn a quarter clockwise to show, 8: anticlockwise). */
      const oriented = (jpeg: Uint8Array, orientation: 6 | 8) => {
        const tiff = [
          0x4d,
          0x4d,
          0,
          0x2a,
          0,
          0,
          0,
          8,
          0,
          1,
          0x01,
          0x12,
          0,
          3,
          0,
          0,
          0,
          1,
          0,
          orientation,
          0,
          0,
          0,
          0,
          0,
          0,
        ]
        const body = [...new TextEncoder().encode('Exif'), 0, 0, ...tiff]
        const app1 = [0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body]
        return new Uint8Array([...jpeg.slice(0, 2), ...app1, ...jpeg.slice(2)])
      }
      /** A picture stored turned a quarter anticlockwise (so that orientation 6 shows it upright) or clockwise (8). */
      const storedTurned = async (jpeg: Uint8Array, clockwise: boolean) => {
        const bitmap = await createImageBitmap(new Blob([jpeg as BlobPart], { type: 'image/jpeg' }))
        const canvas = new OffscreenCanvas(bitmap.height, bitmap.width)
        const c = canvas.getContext('2d')
        if (!c) throw new Error('no 2D canvas')
        if (clockwise) {
          c.translate(bitmap.height, 0)
          c.rotate(Math.PI / 2)
        } else {
          c.translate(0, bitmap.width)
          c.rotate(-Math.PI / 2)
        }
        c.drawImage(bitmap, 0, 0)
        return new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer())
      }
      const decoded = async (bytes: Uint8Array): Promise<Decoded> => {
        const facts = await decodeImage(new Blob([bytes as BlobPart], { type: 'image/jpeg' }))
        if (!facts.hashes) throw new Error('no hashes')
        return {
          width: facts.width,
          height: facts.height,
          thumbnail: [facts.thumbnailWidth, facts.thumbnailHeight],
          ...facts.hashes,
        }
      }
      const large = await picture(3000, 2000, 3)
      const shown = {
        // 3000 × 2000: decoded at a quarter of each side; 400 × 267: under the smallest scale, decoded whole.
        large: await decoded(large),
        small: await decoded(await picture(400, 267, 3)),
        turned: await decoded(oriented(await storedTurned(large, false), 6)),
        turnedBack: await decoded(oriented(await storedTurned(large, true), 8)),
        other: await decoded(await picture(3000, 2000, 5)),
      }
      const apart = (a: Decoded, b: Decoded) => [hammingDistance(a.dHash, b.dHash), hammingDistance(a.pHash, b.pHash)]
      return {
        shown,
        largeToSmall: apart(shown.large, shown.small),
        largeToTurned: apart(shown.large, shown.turned),
        largeToTurnedBack: apart(shown.large, shown.turnedBack),
        largeToOther: apart(shown.large, shown.other),
      }
    })
    console.log(
      `hash distances (dHash, pHash): large–small ${found.largeToSmall}, large–turned ${found.largeToTurned}, large–turned back ${found.largeToTurnedBack}, large–other ${found.largeToOther}`,
    )
    expect(found.shown.large).toMatchObject({ width: 3000, height: 2000, thumbnail: [240, 160] })
    expect(found.shown.turned).toMatchObject({ width: 3000, height: 2000, thumbnail: [240, 160] })
    expect(found.shown.turnedBack).toMatchObject({ width: 3000, height: 2000, thumbnail: [240, 160] })
    expect(found.shown.small).toMatchObject({ width: 400, height: 267 })
    for (const near of [found.largeToSmall, found.largeToTurned, found.largeToTurnedBack])
      for (const d of near) expect(d).toBeLessThanOrEqual(4)
    expect(Math.min(...found.largeToOther)).toBeGreaterThan(10)
    app.assertClean()
  })
})
