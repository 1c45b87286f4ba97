import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { charDiff } from '../../../../../core/rules/comparison/char-diff'
import { jaroWinkler } from '../../../../../core/rules/comparison/similarity'

describe('Jaro-Winkler similarity', () => {
  it('gives the textbook figures', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3)
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 2)
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3)
    expect(jaroWinkler('acme', 'zyx')).toBe(0)
    expect(jaroWinkler('', '')).toBe(1)
    expect(jaroWinkler('acme', '')).toBe(0)
  })

  it('is symmetric, between 0 and 1, and 1 exactly for equal strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (a, b) => {
        const s = jaroWinkler(a, b)
        expect(s).toBe(jaroWinkler(b, a))
        expect(s).toBeGreaterThanOrEqual(0)
        expect(s).toBeLessThanOrEqual(1)
        expect(s === 1).toBe([...a].join('\u0000') === [...b].join('\u0000'))
      }),
    )
  })
})

describe('character diff', () => {
  it('marks what only one side has', () => {
    expect(charDiff('AC-1OO', 'AC-100')).toEqual([
      { kind: 'same', text: 'AC-1' },
      { kind: 'listing', text: 'OO' },
      { kind: 'tested', text: '00' },
    ])
  })

  it('gives both texts back, whatever they are', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
        const runs = charDiff(a, b)
        expect(
          runs
            .filter((r) => r.kind !== 'tested')
            .map((r) => r.text)
            .join(''),
        ).toBe(a)
        expect(
          runs
            .filter((r) => r.kind !== 'listing')
            .map((r) => r.text)
            .join(''),
        ).toBe(b)
        // Runs of one kind are joined, and none is empty.
        runs.forEach((r, i) => {
          expect(r.text).not.toBe('')
          if (i > 0) expect(r.kind).not.toBe(runs[i - 1]!.kind)
        })
      }),
    )
  })
})
