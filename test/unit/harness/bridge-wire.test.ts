import { describe, expect, it } from 'vitest'
import { bytesMarker, fromWire, toWire } from '../../e2e/bridge-wire'

describe('the test bridge wire', () => {
  it('carries every Uint8Array as base64 and back, byte for byte, leaving the rest of the data as it was', () => {
    const pooled = Buffer.from('a view into a bigger buffer').subarray(2, 6)
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
    const reply = {
      ok: true,
      value: {
        files: [
          { name: 'a.bin', bytes: all },
          { name: 'b', bytes: pooled },
        ],
        n: 3,
      },
    }

    const wired = toWire(reply) as { value: { files: { bytes: Record<string, string> }[] } }
    expect(typeof wired.value.files[0]?.bytes[bytesMarker]).toBe('string')
    const back = fromWire(JSON.parse(JSON.stringify(wired))) as typeof reply

    expect(back.value.n).toBe(3)
    expect(back.value.files[0]?.bytes).toEqual(all)
    expect([...(back.value.files[1]?.bytes ?? [])]).toEqual([...pooled])
    expect(back.value.files[1]?.bytes.byteLength).toBe(4)
  })

  it('leaves an object that only looks like wired bytes alone unless it is exactly one marker string', () => {
    const lookalike = { [bytesMarker]: 'AAA=', other: 1 }
    expect(fromWire(lookalike)).toEqual(lookalike)
    expect(fromWire(undefined)).toBeUndefined()
  })
})
