import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { checkAsin } from '../../../../core/rules/asin'

const messageOf = (input: string) => {
  const result = checkAsin(input)
  return result.ok ? null : result.message
}

describe('checkAsin', () => {
  test('accepts a product ASIN starting with B0, without a warning', () => {
    expect(checkAsin('B07XJ8C8F5')).toEqual({ ok: true, value: 'B07XJ8C8F5' })
    expect(checkAsin('B0CHX3QBCH')).toEqual({ ok: true, value: 'B0CHX3QBCH' })
  })

  test('ignores spaces around a pasted ASIN', () => {
    expect(checkAsin('  B07XJ8C8F5\n')).toEqual({ ok: true, value: 'B07XJ8C8F5' })
  })

  test('asks for capitals instead of fixing lowercase silently', () => {
    expect(messageOf('b07xj8c8f5')).toBe('An ASIN is written in capital letters: B07XJ8C8F5, not b07xj8c8f5.')
  })

  test('counts the characters when one is missing or extra', () => {
    expect(messageOf('B07XJ8C8F')).toBe('An ASIN has 10 characters; this one has 9.')
    expect(messageOf('B07XJ8C8F55')).toBe('An ASIN has 10 characters; this one has 11.')
  })

  test('names the symbols that do not belong in an ASIN', () => {
    expect(messageOf('B07-XJ8C8F')).toBe('An ASIN has only letters and digits; this one also contains "-".')
    expect(messageOf('B07 XJ8/C8F')).toBe('An ASIN has only letters and digits; this one also contains spaces and "/".')
    expect(messageOf('B07XJ8C8F\u200b5')).toMatch(/invisible character \(U\+200B\)/)
  })

  test('asks for an ASIN when the field is empty', () => {
    expect(messageOf('   ')).toMatch(/^Enter the ASIN/)
  })

  test('accepts a valid book ISBN-10 but warns that it is unusual', () => {
    const warning = 'This looks like a book ISBN-10, unusual for a smart-home device.'
    expect(checkAsin('0306406152')).toEqual({ ok: true, value: '0306406152', warning })
    expect(checkAsin('080442957X')).toEqual({ ok: true, value: '080442957X', warning })
  })

  test('refuses an ISBN-10 with a wrong check digit and says what it should be', () => {
    expect(messageOf('0306406153')).toBe(
      'Product ASINs start with B0, and 0306406153 is not a valid book ISBN-10 either: its last character should be 2, not 3.',
    )
    expect(messageOf('0804429579')).toMatch(/should be X, not 9/)
  })

  test('explains that product ASINs start with B0', () => {
    expect(messageOf('A07XJ8C8F5')).toBe('Product ASINs start with B0; this one starts with A0.')
    expect(messageOf('BO7XJ8C8F5')).toBe(
      'Product ASINs start with B0 (B and the digit zero); this one starts with BO (the letter O).',
    )
  })

  test('never throws, whatever is pasted', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (input) => {
        const result = checkAsin(input)
        expect(typeof (result.ok ? result.value : result.message)).toBe('string')
      }),
    )
  })

  test('every B0 plus eight capitals or digits is accepted as it was typed', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^B0[A-Z0-9]{8}$/), (asin) => {
        expect(checkAsin(asin)).toEqual({ ok: true, value: asin })
      }),
    )
  })

  test('a rejected ASIN always gets a sentence, and an accepted one is 10 capitals or digits', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'B0ab19X -'), maxLength: 14 }), (input) => {
        const result = checkAsin(input)
        if (result.ok) expect(result.value).toMatch(/^[A-Z0-9]{10}$/)
        else expect(result.message).toMatch(/^[A-Z].*\.$/)
      }),
    )
  })
})
