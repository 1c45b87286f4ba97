import { describe, expect, it } from 'vitest'
import type { Outcome } from '../../../../../core/rules/comparison/finding'
import { defaultComparisonSettings as settings } from '../../../../../core/rules/comparison/settings'
import { checkBrand, checkModelNumber } from '../../../../../core/rules/comparison/text-checks'

// What the listing shows, what the lab certified, and the finding SPEC §4 gives, pair by pair.

const brands: readonly (readonly [listing: string, product: string, expected: Outcome, why: string])[] = [
  ['Acme', 'Acme', 'pass', 'exact'],
  ['ACME', 'Acme', 'pass', 'case'],
  ['acme', 'Acme', 'pass', 'case'],
  [' Acme ', 'Acme', 'pass', 'trimmed'],
  ['Acme  Home', 'Acme Home', 'pass', 'spaces collapsed'],
  ['Acme™', 'Acme', 'pass', 'trademark sign'],
  ['Acme®', 'Acme', 'pass', 'registered sign'],
  ['© Acme', 'Acme', 'pass', 'copyright sign'],
  ['ACME Home™', 'acme home', 'pass', 'case, sign and space together'],
  ['Ａｃｍｅ', 'Acme', 'pass', 'full-width letters (NFKC)'],
  ['Straße', 'STRASSE', 'pass', 'case folding of ß'],
  ['Meross', 'Meross', 'pass', 'exact'],
  ['Acme Inc', 'Acme', 'needs-review', 'a legal suffix'],
  ['Acmee', 'Acme', 'needs-review', 'one letter more'],
  ['Akme', 'Acme', 'needs-review', 'one letter changed'],
  ['Philips Hue', 'Philips', 'needs-review', 'a sub-brand'],
  ['Nimbus', 'Nimbus Labs', 'needs-review', 'a shortened name'],
  ['TP-Link', 'TP Link', 'needs-review', 'a hyphen for a space'],
  ['', 'Acme', 'needs-review', 'not captured'],
  ['Signify', 'Philips', 'fail', 'another company'],
  ['Zeta', 'Acme', 'fail', 'another brand'],
  ['Aqara', 'Xiaomi', 'fail', 'another brand'],
  ['Eve', 'Eve Systems', 'fail', 'too short to be close'],
]

const models: readonly (readonly [listing: string, product: string, expected: Outcome, why: string])[] = [
  ['AC-100', 'AC-100', 'pass', 'exact'],
  [' AC-100 ', 'AC-100', 'pass', 'trimmed'],
  ['AC100', 'AC-100', 'needs-review', 'hyphen missing'],
  ['AC 100', 'AC-100', 'needs-review', 'a space for the hyphen'],
  ['AC.100', 'AC-100', 'needs-review', 'a dot for the hyphen'],
  ['AC/100', 'AC-100', 'needs-review', 'a slash for the hyphen'],
  ['AC_100', 'AC-100', 'needs-review', 'an underscore for the hyphen'],
  ['AC—100', 'AC-100', 'needs-review', 'an em dash for the hyphen'],
  ['ac-100', 'AC-100', 'needs-review', 'lower case'],
  ['AC-1OO', 'AC-100', 'needs-review', 'letter O for zero'],
  ['AC-l00', 'AC-100', 'needs-review', 'small L for one'],
  ['AC-I00', 'AC-100', 'needs-review', 'capital I for one'],
  ['AC-1S0', 'AC-150', 'needs-review', 'S for five'],
  ['AC-B00', 'AC-800', 'needs-review', 'B for eight'],
  ['AC-Z00', 'AC-200', 'needs-review', 'Z for two'],
  ['ＡＣ－１００', 'AC-100', 'needs-review', 'full-width form'],
  ['', 'AC-100', 'needs-review', 'not captured'],
  ['AC-101', 'AC-100', 'fail', 'another digit'],
  ['AC-100X', 'AC-100', 'fail', 'a suffix'],
  ['AC-10', 'AC-100', 'fail', 'a digit missing'],
  ['ZB-7', 'AC-100', 'fail', 'another model'],
]

describe('brand and model number, pair by pair', () => {
  it('covers at least 40 pairs', () => {
    expect(brands.length + models.length).toBeGreaterThanOrEqual(40)
  })

  it.each(brands)('brand %j against %j: %s (%s)', (listing, product, expected) => {
    expect(checkBrand(listing, product, settings).outcome).toBe(expected)
  })

  it.each(models)('model number %j against %j: %s (%s)', (listing, product, expected) => {
    const found = checkModelNumber(listing, product)
    expect(found.outcome).toBe(expected)
    // Where they differ, the differing characters are given, on both sides.
    if (expected !== 'pass' && listing.trim() !== '')
      expect(found.diff?.some((segment) => segment.kind !== 'same')).toBe(true)
  })
})
