import { clip } from '../text/clip'

// Removed before NFKC: NFKC would turn ™ into the letters "TM", which are then no longer told from the name.
const marks = /[\u2122\u00ae\u00a9]/g

/**
 * A brand as SPEC §4 compares it: trademark, registered and copyright signs
 * removed, Unicode NFKC, case folded, trimmed, runs of white space made one space.
 */
export function normalizeBrand(brand: string): string {
  // Upper then lower folds what lower case alone keeps apart (ß and SS, final and medial sigma); NFKC again settles what folding decomposed.
  const folded = brand.replace(marks, ' ').normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC')
  return folded.replace(/\s+/g, ' ').trim()
}

export type BrandComparison = { readonly verdict: 'pass' | 'mismatch'; readonly message: string }

/**
 * Compares a manufacturer the device reports (`what` names where it came from,
 * e.g. "additionalAttributes.manufacturer") with the product's brand: equal
 * after normalizeBrand passes, anything else, a missing one included, is a mismatch.
 */
export function compareBrand(reported: string | null, brand: string, what: string): BrandComparison {
  const named = `the product's brand "${quote(brand.trim())}"`
  if (reported === null || reported.trim() === '')
    return { verdict: 'mismatch', message: `The device reports no ${what}; expected ${named}.` }
  const shown = `The device reports ${what} "${quote(reported.trim())}"`
  if (normalizeBrand(reported) === normalizeBrand(brand))
    return { verdict: 'pass', message: `${shown}, which matches ${named}.` }
  return { verdict: 'mismatch', message: `${shown}, which is not ${named}.` }
}

const quote = (text: string): string => clip(text, 80)
