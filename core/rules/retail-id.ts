import { strayCharacters } from './character-names'
import type { Check } from './check'

export const retailIdKinds = ['UPC-A', 'EAN-13', 'JAN', 'GTIN-14'] as const
export type RetailIdKind = (typeof retailIdKinds)[number]

const lengths: Readonly<Record<RetailIdKind, number>> = { 'UPC-A': 12, 'EAN-13': 13, JAN: 13, 'GTIN-14': 14 }
const articles: Readonly<Record<RetailIdKind, string>> = { 'UPC-A': 'A', 'EAN-13': 'An', JAN: 'A', 'GTIN-14': 'A' }

// When the digit count fits another kind, the tester most likely picked the wrong kind, not mistyped.
const kindForLength: Readonly<Record<number, string>> = {
  12: 'For 12 digits choose UPC-A.',
  13: 'For 13 digits choose EAN-13 (or JAN for Japanese codes starting 45 or 49).',
  14: 'For 14 digits choose GTIN-14.',
}

/** Checks a UPC-A, EAN-13, JAN or GTIN-14: digits only (spaces and hyphens between them are dropped), length, JAN prefix, check digit. */
export function checkRetailId(kind: RetailIdKind, input: string): Check<string> {
  const text = input.trim()
  const expected = lengths[kind]
  const a = articles[kind]
  if (text === '') return { ok: false, message: `Enter the ${kind}: ${expected} digits.` }

  const strays = strayCharacters(text, /^[0-9\s-]$/u)
  if (strays !== '') {
    return {
      ok: false,
      message: `${a} ${kind} has only digits (spaces and hyphens between them are fine); this one also contains ${strays}.`,
    }
  }
  if (text.startsWith('-') || text.endsWith('-')) {
    return { ok: false, message: `${a} ${kind} cannot start or end with a hyphen; hyphens may only separate digits.` }
  }

  const digits = text.replace(/[\s-]/g, '')
  if (digits.length !== expected) {
    const hint = kindForLength[digits.length]
    return {
      ok: false,
      message: `${a} ${kind} has ${expected} digits; this one has ${digits.length}.${hint === undefined ? '' : ` ${hint}`}`,
    }
  }

  // 45 and 49 are the GS1 prefixes assigned to Japan; a 13-digit code with any other prefix is an EAN-13.
  if (kind === 'JAN' && !digits.startsWith('45') && !digits.startsWith('49')) {
    return {
      ok: false,
      message: `A JAN starts with 45 or 49; this one starts with ${digits.slice(0, 2)}. For codes from other countries choose EAN-13.`,
    }
  }

  const check = gtinCheckDigit(digits.slice(0, -1))
  const given = Number(digits.slice(-1))
  if (check !== given) return { ok: false, message: `The check digit should be ${check}, not ${given}.` }
  return { ok: true, value: digits }
}

/** The GS1 mod-10 check digit for the digits before it (weights 3, 1, 3, … from the right); throws if given anything but digits. */
export function gtinCheckDigit(digitsWithoutCheck: string): number {
  if (!/^[0-9]+$/.test(digitsWithoutCheck)) {
    throw new RangeError(`gtinCheckDigit needs digits only, got "${digitsWithoutCheck.slice(0, 40)}".`)
  }
  let sum = 0
  for (let i = 0; i < digitsWithoutCheck.length; i++) {
    // Counting from the right makes one rule serve every GTIN length: the digit next to the check digit weighs 3.
    const fromRight = digitsWithoutCheck.length - 1 - i
    sum += Number(digitsWithoutCheck.charAt(i)) * (fromRight % 2 === 0 ? 3 : 1)
  }
  return (10 - (sum % 10)) % 10
}

const kindByLength: Readonly<Record<number, RetailIdKind>> = { 12: 'UPC-A', 13: 'EAN-13', 14: 'GTIN-14' }
const kindNames: Readonly<Record<string, RetailIdKind>> = {
  ...Object.fromEntries(retailIdKinds.map((kind) => [kind.toLowerCase(), kind])),
  upc: 'UPC-A',
  ean: 'EAN-13',
  gtin: 'GTIN-14',
}

/**
 * One identifier per line (blank lines already dropped), as a page shows it: "UPC-A 036000291452", "EAN: 4006381333931",
 * or the digits alone (12 digits a UPC-A, 13 an EAN-13, 14 a GTIN-14), spaces and
 * hyphens dropped. Anything else is kept, as an EAN-13, for the retail identifier
 * check to report as invalid.
 */
export function parseRetailIds(lines: readonly string[]): { kind: RetailIdKind; value: string }[] {
  return lines.map((line) => {
    const match = /^([A-Za-z][A-Za-z0-9-]*)[\s:]+(.+)$/.exec(line)
    const named = match ? kindNames[(match[1] ?? '').toLowerCase()] : undefined
    const value = (named !== undefined && match ? (match[2] ?? '') : line).replace(/[\s-]/g, '')
    return { kind: named ?? kindByLength[value.length] ?? 'EAN-13', value }
  })
}
