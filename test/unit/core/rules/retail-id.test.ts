import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { checkRetailId, gtinCheckDigit, retailIdKinds } from '../../../../core/rules/retail-id'

const messageOf = (...args: Parameters<typeof checkRetailId>) => {
  const result = checkRetailId(...args)
  return result.ok ? null : result.message
}

describe('checkRetailId', () => {
  // Check digits verified by hand with weights 3,1,3,… from the right.
  test('accepts real codes of every kind', () => {
    expect(checkRetailId('UPC-A', '036000291452')).toEqual({ ok: true, value: '036000291452' })
    expect(checkRetailId('EAN-13', '4006381333931')).toEqual({ ok: true, value: '4006381333931' })
    expect(checkRetailId('JAN', '4901234567894')).toEqual({ ok: true, value: '4901234567894' })
    expect(checkRetailId('GTIN-14', '10036000291459')).toEqual({ ok: true, value: '10036000291459' })
  })

  test('accepts a code typed as printed under the barcode, and stores the digits only', () => {
    expect(checkRetailId('UPC-A', '0 36000 29145 2')).toEqual({ ok: true, value: '036000291452' })
    expect(checkRetailId('EAN-13', ' 4-006381-333931 ')).toEqual({ ok: true, value: '4006381333931' })
  })

  test('names the check digit it expected', () => {
    expect(messageOf('UPC-A', '036000291453')).toBe('The check digit should be 2, not 3.')
    expect(messageOf('EAN-13', '4006381333937')).toBe('The check digit should be 1, not 7.')
    expect(messageOf('JAN', '4901234567890')).toBe('The check digit should be 4, not 0.')
    expect(messageOf('GTIN-14', '10036000291452')).toBe('The check digit should be 9, not 2.')
  })

  test('counts the digits and suggests the kind that has that many', () => {
    expect(messageOf('UPC-A', '03600029145')).toBe('A UPC-A has 12 digits; this one has 11.')
    expect(messageOf('EAN-13', '036000291452')).toBe(
      'An EAN-13 has 13 digits; this one has 12. For 12 digits choose UPC-A.',
    )
    expect(messageOf('UPC-A', '4006381333931')).toMatch(
      /^A UPC-A has 12 digits; this one has 13\. For 13 digits choose EAN-13/,
    )
    expect(messageOf('GTIN-14', '4006381333931')).toMatch(/^A GTIN-14 has 14 digits; this one has 13\./)
  })

  test('a JAN must carry a Japanese prefix', () => {
    expect(messageOf('JAN', '4006381333931')).toBe(
      'A JAN starts with 45 or 49; this one starts with 40. For codes from other countries choose EAN-13.',
    )
    expect(checkRetailId('JAN', '4512345678906').ok).toBe(true)
  })

  test('names letters and symbols that are not digits', () => {
    expect(messageOf('UPC-A', '03600029145A')).toBe(
      'A UPC-A has only digits (spaces and hyphens between them are fine); this one also contains "A".',
    )
    expect(messageOf('EAN-13', '4006381/33393.1')).toMatch(/contains "\/" and "\."\.$/)
  })

  test('hyphens only between digits, and something must be typed', () => {
    expect(messageOf('UPC-A', '-036000291452')).toMatch(/cannot start or end with a hyphen/)
    expect(messageOf('GTIN-14', '  ')).toBe('Enter the GTIN-14: 14 digits.')
  })
})

describe('gtinCheckDigit', () => {
  test('computes the GS1 check digit for any length', () => {
    expect(gtinCheckDigit('03600029145')).toBe(2)
    expect(gtinCheckDigit('400638133393')).toBe(1)
    expect(gtinCheckDigit('1003600029145')).toBe(9)
    expect(gtinCheckDigit('0000000')).toBe(0)
  })

  test('refuses anything but digits', () => {
    expect(() => gtinCheckDigit('12a')).toThrow(RangeError)
    expect(() => gtinCheckDigit('')).toThrow(RangeError)
  })
})

describe('properties', () => {
  const elevenDigits = fc.stringMatching(/^[0-9]{11}$/)

  test('every 11 digits plus their computed check digit is a valid UPC-A', () => {
    fc.assert(
      fc.property(elevenDigits, (digits) => {
        const upc = `${digits}${gtinCheckDigit(digits)}`
        expect(checkRetailId('UPC-A', upc)).toEqual({ ok: true, value: upc })
      }),
    )
  })

  test('changing any one digit of a valid UPC-A is caught', () => {
    fc.assert(
      fc.property(elevenDigits, fc.nat({ max: 11 }), fc.integer({ min: 1, max: 9 }), (digits, position, shift) => {
        const upc = `${digits}${gtinCheckDigit(digits)}`
        const changed = (Number(upc.charAt(position)) + shift) % 10
        const typo = `${upc.slice(0, position)}${changed}${upc.slice(position + 1)}`
        const result = checkRetailId('UPC-A', typo)
        expect(result.ok).toBe(false)
        if (!result.ok) expect(result.message).toMatch(/^The check digit should be \d, not \d\.$/)
      }),
    )
  })

  test('never throws, whatever is pasted, for every kind', () => {
    fc.assert(
      fc.property(fc.constantFrom(...retailIdKinds), fc.string({ unit: 'binary', maxLength: 30 }), (kind, input) => {
        const result = checkRetailId(kind, input)
        if (result.ok) expect(result.value).toMatch(/^[0-9]{12,14}$/)
        else expect(result.message.length).toBeGreaterThan(0)
      }),
    )
  })
})
