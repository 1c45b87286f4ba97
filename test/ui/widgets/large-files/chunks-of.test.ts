import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { chunksOf } from '../../../../renderer/widgets/large-files/chunks-of'

async function collect(source: Parameters<typeof chunksOf>[0], size: number): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = []
  for await (const chunk of chunksOf(source, size)) chunks.push(chunk)
  return chunks
}

const joined = (pieces: readonly Uint8Array[]) => new Uint8Array(pieces.flatMap((piece) => [...piece]))

describe('chunksOf', () => {
  it('cuts pieces of any size into whole chunks, only the last one shorter, with every byte in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 12 }),
        fc.integer({ min: 1, max: 128 }),
        async (pieces, size) => {
          const chunks = await collect(pieces, size)
          expect(joined(chunks)).toEqual(joined(pieces))
          chunks.forEach((chunk, index) => {
            if (index < chunks.length - 1) expect(chunk.byteLength).toBe(size)
            else expect(chunk.byteLength).toBeGreaterThan(0)
            expect(chunk.byteLength).toBeLessThanOrEqual(size)
          })
        },
      ),
      { numRuns: 200 },
    )
  })

  it('gives each chunk a buffer of its own, never a view into the source', async () => {
    const big = new Uint8Array(1000).fill(7)
    const chunks = await collect([big.subarray(10, 110)], 64)
    expect(chunks.map((chunk) => chunk.buffer.byteLength)).toEqual([64, 36])
    expect(chunks.every((chunk) => chunk.buffer !== big.buffer)).toBe(true)
  })

  it('slices a Blob without reading it whole', async () => {
    const bytes = Uint8Array.from({ length: 1000 }, (_, index) => index & 255)
    const chunks = await collect(new Blob([bytes]), 300)
    expect(chunks.map((chunk) => chunk.byteLength)).toEqual([300, 300, 300, 100])
    expect(joined(chunks)).toEqual(bytes)
  })

  it('gives nothing for an empty source', async () => {
    expect(await collect(new Blob([]), 10)).toEqual([])
    expect(await collect([new Uint8Array()], 10)).toEqual([])
  })
})
