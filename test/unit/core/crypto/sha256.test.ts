import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { createSha256, sha256Hex } from '../../../../core/crypto/sha256'

const nodeSha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0))

describe('sha256Hex', () => {
  test('matches the NIST FIPS 180-4 example messages', () => {
    expect(sha256Hex(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
    expect(sha256Hex(ascii('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(sha256Hex(ascii('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    )
    expect(
      sha256Hex(
        ascii(
          'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
        ),
      ),
    ).toBe('cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1')
  })

  test('matches NIST for one million "a"', () => {
    expect(sha256Hex(new Uint8Array(1_000_000).fill(0x61))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    )
  })

  test('pads correctly at every length around a block boundary', () => {
    for (const length of [1, 54, 55, 56, 57, 63, 64, 65, 118, 119, 120, 127, 128, 129]) {
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 31 + 7) & 255)
      expect(sha256Hex(bytes), `length ${length}`).toBe(nodeSha256(bytes))
    }
  })

  test('hashes only the bytes of a view into a larger buffer', () => {
    const buffer = Uint8Array.from({ length: 300 }, (_, index) => index & 255)
    const view = buffer.subarray(17, 250)
    expect(sha256Hex(view)).toBe(nodeSha256(view))
  })

  test('agrees with node:crypto on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        expect(sha256Hex(bytes)).toBe(nodeSha256(bytes))
      }),
      { numRuns: 500 },
    )
  })

  test('agrees with node:crypto on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        expect(sha256Hex(new TextEncoder().encode(text))).toBe(createHash('sha256').update(text, 'utf8').digest('hex'))
      }),
      { numRuns: 300 },
    )
  })

  test('hashes a 1 KB audit entry in well under 0.1 ms', () => {
    const bytes = Uint8Array.from({ length: 1024 }, (_, index) => (index * 13) & 255)
    for (let i = 0; i < 500; i++) sha256Hex(bytes) // let the JIT compile it first
    const runs = 5000
    const started = performance.now()
    for (let i = 0; i < runs; i++) sha256Hex(bytes)
    const perHash = (performance.now() - started) / runs
    // Generous against a loaded CI machine; on a developer machine it is about 0.005 ms.
    expect(perHash).toBeLessThan(0.1)
  })
})

/** Cuts bytes at the given points (any order, duplicates allowed: empty pieces are pieces too). */
function cut(bytes: Uint8Array, points: readonly number[]): Uint8Array[] {
  const bounds = [0, ...points.map((p) => p % (bytes.length + 1)).sort((a, b) => a - b), bytes.length]
  return bounds.slice(1).map((end, index) => bytes.subarray(bounds[index], end))
}

describe('createSha256', () => {
  test('an empty hasher gives the SHA-256 of nothing', () => {
    expect(createSha256().hex()).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
  })

  test('agrees with node:crypto however the bytes are cut into pieces', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1500 }), fc.array(fc.nat(), { maxLength: 12 }), (bytes, points) => {
        const hasher = createSha256()
        for (const piece of cut(bytes, points)) hasher.update(piece)
        expect(hasher.hex()).toBe(nodeSha256(bytes))
      }),
      { numRuns: 500 },
    )
  })

  test('keeps its own state: hashers fed in turn, with sha256Hex between them, do not disturb each other', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 700 }),
        fc.uint8Array({ maxLength: 700 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (a, b, points) => {
          const first = createSha256()
          const second = createSha256()
          const piecesA = cut(a, points)
          const piecesB = cut(b, points)
          for (let i = 0; i < Math.max(piecesA.length, piecesB.length); i++) {
            const pieceA = piecesA[i]
            const pieceB = piecesB[i]
            if (pieceA) first.update(pieceA)
            sha256Hex(b) // uses the shared scratch state in between
            if (pieceB) second.update(pieceB)
          }
          expect(first.hex()).toBe(nodeSha256(a))
          expect(second.hex()).toBe(nodeSha256(b))
        },
      ),
      { numRuns: 300 },
    )
  })

  test('gives the hash so far at any point and goes on taking bytes after it', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 600 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        (bytes, points) => {
          const hasher = createSha256()
          let sofar = 0
          for (const piece of cut(bytes, points)) {
            hasher.update(piece)
            sofar += piece.length
            expect(hasher.hex()).toBe(nodeSha256(bytes.subarray(0, sofar)))
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  test('hashes megabytes in large pieces as a chunked save sends them', () => {
    const bytes = Uint8Array.from({ length: 3 * 1024 * 1024 + 17 }, (_, index) => (index * 2654435761) >>> 24)
    const hasher = createSha256()
    const piece = 1024 * 1024 - 5 // not a multiple of 64, so every piece leaves a partial block
    for (let offset = 0; offset < bytes.length; offset += piece) hasher.update(bytes.subarray(offset, offset + piece))
    expect(hasher.hex()).toBe(nodeSha256(bytes))
  })
})
