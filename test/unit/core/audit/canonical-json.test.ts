import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { canonicalJson } from '../../../../core/audit/canonical-json'

/** The same value with every object's keys in a shuffled order. */
function reorder(value: unknown, shuffle: (keys: string[]) => string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => reorder(item, shuffle))
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>
    return Object.fromEntries(shuffle(Object.keys(record)).map((key) => [key, reorder(record[key], shuffle)]))
  }
  return value
}

describe('canonicalJson', () => {
  test('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    )
  })

  test('sorts keys by UTF-16 code units, as RFC 8785 does', () => {
    expect(canonicalJson({ '\u00e9': 1, z: 2, Z: 3, '😀': 4, '\uffff': 5 })).toBe(
      '{"Z":3,"z":2,"é":1,"😀":4,"\uffff":5}',
    )
  })

  test('drops undefined properties, as JSON.stringify does', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}')
  })

  test('writes numbers and strings as JSON.stringify does', () => {
    expect(canonicalJson([0, -0, 1e21, 1.5e-7, 0.1 + 0.2, 'line\nbreak "quoted" \u2028'])).toBe(
      '[0,0,1e+21,1.5e-7,0.30000000000000004,"line\\nbreak \\"quoted\\" \u2028"]',
    )
  })

  test('writes a Date as its ISO text', () => {
    expect(canonicalJson({ at: new Date('2026-01-02T03:04:05.000Z') })).toBe('{"at":"2026-01-02T03:04:05.000Z"}')
  })

  test.each([
    [{ n: Number.NaN }, '$.n is NaN, which JSON cannot hold: only finite numbers can be written.'],
    [
      { n: [1, Number.POSITIVE_INFINITY] },
      '$.n[1] is Infinity, which JSON cannot hold: only finite numbers can be written.',
    ],
    [{ f: () => 1 }, '$.f is a function, which JSON cannot hold.'],
    [{ s: Symbol('x') }, '$.s is a symbol, which JSON cannot hold.'],
    [{ big: 10n }, '$.big is a BigInt, which JSON cannot hold: convert it to a string or number first.'],
    [[1, undefined], '$[1] is undefined, which JSON cannot hold.'],
    [undefined, '$ is undefined, which JSON cannot hold.'],
    [{ m: new Map() }, '$.m is a Map, which JSON cannot hold: use plain objects and arrays.'],
  ])('refuses %o with a message naming where', (value, message) => {
    expect(() => canonicalJson(value)).toThrow(message)
  })

  test('refuses holes in an array instead of writing invalid JSON', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(() => canonicalJson([1, , 3])).toThrow('$[1] is undefined')
  })

  test('refuses a cycle but accepts the same object twice', () => {
    const shared = { a: 1 }
    expect(canonicalJson({ x: shared, y: shared })).toBe('{"x":{"a":1},"y":{"a":1}}')
    const cycle: Record<string, unknown> = {}
    cycle['self'] = cycle
    expect(() => canonicalJson(cycle)).toThrow('$.self refers back to itself')
  })

  test('keeps an own "__proto__" key as data', () => {
    const value = JSON.parse('{"__proto__":{"x":1},"a":2}') as unknown
    expect(canonicalJson(value)).toBe('{"__proto__":{"x":1},"a":2}')
  })

  test('never depends on the order keys were written in', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer(), (value, seed) => {
        let state = seed
        const shuffle = (keys: string[]) =>
          keys
            .map((key) => {
              state = (state * 1103515245 + 12345) | 0
              return { key, rank: state }
            })
            .sort((a, b) => a.rank - b.rank)
            .map(({ key }) => key)
        expect(canonicalJson(reorder(value, shuffle))).toBe(canonicalJson(value))
      }),
      { numRuns: 500 },
    )
  })

  test('parses back to an equal value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        // JSON has no -0; JSON.stringify writes it as 0, and so does canonicalJson.
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)))
      }),
      { numRuns: 500 },
    )
  })
})
