import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dHash, hammingDistance, pHash, type Grey } from '../../../../core/rules/image-hash'
import { defaultComparisonSettings as settings } from '../../../../core/rules/comparison/settings'

// Real photographs (test/fixtures/images/make-image-fixtures.sh made them from
// python3-skimage's freely licensed photos), each also resized, recompressed
// and lightly cropped, as a listing image and a bench photo of one picture differ.
const folder = join(import.meta.dirname, '../../../fixtures/images')
const photos = ['astronaut', 'chelsea', 'coffee', 'camera'] as const
const variants = ['', '-resized', '-q30', '-cropped'] as const

/** A binary greyscale PGM (P5, 8 bits), as ImageMagick writes it. */
function readPgm(bytes: Uint8Array): Grey {
  const header = new TextDecoder('latin1').decode(bytes.subarray(0, 64))
  const match = /^P5\s+(?:#[^\n]*\n\s*)*(\d+)\s+(\d+)\s+(\d+)\s/.exec(header)
  if (!match) throw new Error('not a binary PGM')
  const [whole, width, height, max] = match
  if (Number(max) !== 255) throw new Error('not an 8-bit PGM')
  const pixels = bytes.subarray(whole.length, whole.length + Number(width) * Number(height))
  return { width: Number(width), height: Number(height), pixels }
}

type Hashed = { readonly name: string; readonly photo: string; readonly d: string; readonly p: string }

async function hashedFixtures(): Promise<Hashed[]> {
  return Promise.all(
    photos.flatMap((photo) =>
      variants.map(async (variant) => {
        const grey = readPgm(new Uint8Array(await readFile(join(folder, `${photo}${variant}.pgm`))))
        return { name: `${photo}${variant}`, photo, d: dHash(grey), p: pHash(grey) }
      }),
    ),
  )
}

const near = (a: Hashed, b: Hashed) =>
  hammingDistance(a.d, b.d) <= settings.dHashNearDuplicate && hammingDistance(a.p, b.p) <= settings.pHashNearDuplicate

describe('perceptual hashes of real photographs', () => {
  it('pass every resized, recompressed or cropped copy of a picture, and never a picture of something else', async () => {
    const all = await hashedFixtures()
    // Every pair's distances, so the thresholds can be judged from the test output.
    const rows: string[] = []
    for (const [i, a] of all.entries())
      for (const b of all.slice(i + 1))
        rows.push(
          `${a.name.padEnd(20)} ${b.name.padEnd(20)} ${String(hammingDistance(a.d, b.d)).padStart(3)} ${String(hammingDistance(a.p, b.p)).padStart(3)}  ${a.photo === b.photo ? 'same picture' : 'different'}${near(a, b) ? ', near copy' : ''}`,
        )
    console.log(
      `dHash and pHash distances (of 64 bits; a near copy is at most ${settings.dHashNearDuplicate} and ${settings.pHashNearDuplicate}):\n${rows.join('\n')}`,
    )
    for (const [i, a] of all.entries())
      for (const b of all.slice(i + 1)) {
        const pair = `${a.name} and ${b.name}`
        if (a.photo === b.photo) expect(near(a, b), pair).toBe(true)
        else expect(near(a, b), pair).toBe(false)
      }
  })

  it('keep different pictures far apart by both hashes, not just past the threshold', async () => {
    const originals = (await hashedFixtures()).filter((h) => h.name === h.photo)
    for (const [i, a] of originals.entries())
      for (const b of originals.slice(i + 1)) {
        expect(hammingDistance(a.d, b.d), `${a.name} and ${b.name}`).toBeGreaterThan(16)
        expect(hammingDistance(a.p, b.p), `${a.name} and ${b.name}`).toBeGreaterThan(16)
      }
  })
})
