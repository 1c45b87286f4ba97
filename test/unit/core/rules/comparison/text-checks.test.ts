import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultComparisonSettings as settings } from '../../../../../core/rules/comparison/settings'
import { checkBrand, checkDeviceType, checkModelNumber } from '../../../../../core/rules/comparison/text-checks'

describe('brand', () => {
  it('passes what is the same brand once case, spaces and trademark signs are set aside', () => {
    expect(checkBrand('ACME™', 'Acme', settings)).toMatchObject({ outcome: 'pass' })
    expect(checkBrand('  Acme   Home ', 'acme home', settings)).toMatchObject({ outcome: 'pass' })
    // NFKC: full-width letters are the same letters.
    expect(checkBrand('Ａｃｍｅ', 'Acme', settings)).toMatchObject({ outcome: 'pass' })
    expect(checkBrand('Acme', 'Acme', settings).reason).toBe('The listing’s brand “Acme” is the product’s.')
  })

  it('puts a close brand in front of a reviewer with its similarity, and fails another', () => {
    const close = checkBrand('Acmee', 'Acme', settings)
    expect(close).toMatchObject({
      outcome: 'needs-review',
      diff: [
        { kind: 'same', text: 'Acme' },
        { kind: 'listing', text: 'e' },
      ],
    })
    expect(close.similarity).toBeGreaterThan(0.9)
    expect(close.reason).toMatch(/is close to the product’s “Acme” but not the same \(similarity 0\.\d\d\)/)
    expect(checkBrand('Zentro', 'Acme', settings)).toMatchObject({ outcome: 'fail' })
    // The threshold is the lab's setting.
    expect(checkBrand('Acmee', 'Acme', { ...settings, brandReviewSimilarity: 0.99 })).toMatchObject({ outcome: 'fail' })
  })

  it('asks for a brand the snapshot does not show rather than failing it', () => {
    expect(checkBrand(' ', 'Acme', settings)).toMatchObject({
      outcome: 'needs-review',
      reason: expect.stringMatching(/shows no brand/),
    })
  })

  it('never passes two brands that differ once normalized', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), fc.string({ minLength: 1, maxLength: 20 }), (a, b) => {
        const found = checkBrand(a, b, settings)
        if (found.outcome === 'pass') expect(checkBrand(b, a, settings).outcome).toBe('pass')
      }),
    )
  })
})

describe('model number', () => {
  it('passes the model number as typed', () => {
    expect(checkModelNumber(' AC-100 ', 'AC-100')).toMatchObject({ outcome: 'pass' })
  })

  it('needs review when only separators, capitals or look-alikes differ, saying which and showing where', () => {
    expect(checkModelNumber('AC 100', 'AC-100')).toMatchObject({
      outcome: 'needs-review',
      reason: expect.stringMatching(/only once spaces, hyphens, dots, slashes and underscores are removed/),
      diff: [
        { kind: 'same', text: 'AC' },
        { kind: 'listing', text: ' ' },
        { kind: 'tested', text: '-' },
        { kind: 'same', text: '100' },
      ],
    })
    expect(checkModelNumber('ac-100', 'AC-100').reason).toMatch(/only in other capital letters/)
    // Any dash is a separator: an en dash pasted from a page, a minus sign.
    for (const dashed of ['AC–100', 'AC—100', 'AC−100', 'AC‐100'])
      expect(checkModelNumber(dashed, 'AC-100').reason).toMatch(/only once spaces, hyphens/)
    for (const [listing, tested] of [
      ['AC-1OO', 'AC-100'],
      ['ACl00', 'AC-100'],
      ['S5-B8Z2', '55-8822'],
      ['AC-IOO', 'AC-100'],
      // Lower-case look-alikes count as their capitals do.
      ['xi00', 'X100'],
      ['ab-1', 'A8-1'],
      ['acl-oo', 'AC1-00'],
    ] as const)
      expect(checkModelNumber(listing, tested)).toMatchObject({
        outcome: 'needs-review',
        reason: expect.stringMatching(/look-alike characters/),
      })
  })

  it('fails another model number, with the differing characters', () => {
    const found = checkModelNumber('AC-200', 'AC-100')
    expect(found).toMatchObject({
      outcome: 'fail',
      reason: 'The listing’s model number “AC-200” is not the certified “AC-100”.',
    })
    expect(found.diff).toEqual([
      { kind: 'same', text: 'AC-' },
      { kind: 'listing', text: '2' },
      { kind: 'tested', text: '1' },
      { kind: 'same', text: '00' },
    ])
    expect(checkModelNumber('', 'AC-100')).toMatchObject({ outcome: 'needs-review' })
  })

  it('passes exactly the equal model numbers', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ minLength: 1, maxLength: 12 }), (a, b) => {
        fc.pre(a.trim() !== '' && b.trim() !== '')
        expect(checkModelNumber(a, b).outcome === 'pass').toBe(a.trim() === b.trim())
      }),
    )
  })
})

describe('device type', () => {
  it('passes the same type, asks about a related one, fails another', () => {
    expect(checkDeviceType('plug', 'Plug', settings)).toMatchObject({ outcome: 'pass' })
    expect(checkDeviceType('Smart Plug', 'Plug', settings)).toMatchObject({ outcome: 'needs-review' })
    expect(checkDeviceType('Light bulb', 'Plug', settings)).toMatchObject({ outcome: 'fail' })
    expect(checkDeviceType('', 'Plug', settings)).toMatchObject({ outcome: 'needs-review' })
  })
})
