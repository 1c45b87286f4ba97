import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { compareBrand, normalizeBrand } from '../../../../core/rules/brand'

describe('normalizeBrand', () => {
  test('removes trademark signs, folds case, trims and collapses spaces', () => {
    expect(normalizeBrand('  ACME™  Lighting®\t Co.© ')).toBe('acme lighting co.')
    expect(normalizeBrand('Acme\u00a0\u00a0Home')).toBe('acme home')
  })

  test('applies NFKC, so full-width and composed letters compare equal', () => {
    expect(normalizeBrand('ＡＣＭＥ')).toBe('acme')
    expect(normalizeBrand('Cafe\u0301')).toBe(normalizeBrand('Café'))
  })

  test('folds what lower case alone keeps apart', () => {
    expect(normalizeBrand('Straße')).toBe(normalizeBrand('STRASSE'))
  })

  test('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(normalizeBrand(normalizeBrand(s))).toBe(normalizeBrand(s))
      }),
    )
  })
})

describe('compareBrand', () => {
  const what = 'additionalAttributes.manufacturer'

  test('passes a manufacturer equal to the brand after normalising', () => {
    expect(compareBrand('acme™', 'Acme', what)).toEqual({
      verdict: 'pass',
      message: `The device reports ${what} "acme™", which matches the product's brand "Acme".`,
    })
  })

  test('anything else is a mismatch that quotes both', () => {
    expect(compareBrand('Acme Lighting Co.', 'Acme', what)).toEqual({
      verdict: 'mismatch',
      message: `The device reports ${what} "Acme Lighting Co.", which is not the product's brand "Acme".`,
    })
  })

  test('a manufacturer the device did not report is a mismatch that says so', () => {
    expect(compareBrand(null, 'Acme', 'manufacturerName')).toEqual({
      verdict: 'mismatch',
      message: `The device reports no manufacturerName; expected the product's brand "Acme".`,
    })
    expect(compareBrand('  ', 'Acme', 'manufacturerName').verdict).toBe('mismatch')
  })

  test('passes exactly when the normalised forms are equal', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b) => {
        fc.pre(a.trim() !== '')
        expect(compareBrand(a, b, what).verdict === 'pass').toBe(normalizeBrand(a) === normalizeBrand(b))
      }),
    )
  })
})
