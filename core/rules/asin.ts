import { strayCharacters } from './character-names'
import type { Check } from './check'

const asinLength = 10

/** Checks an Amazon Standard Identification Number: B0 + 8 capitals/digits, or a valid book ISBN-10 (with a warning). */
export function checkAsin(input: string): Check<string> {
  const asin = input.trim()
  if (asin === '')
    return { ok: false, message: 'Enter the ASIN: 10 capital letters and digits starting with B0, e.g. B0C1234XYZ.' }

  const strays = strayCharacters(asin, /[A-Za-z0-9]/)
  if (strays !== '')
    return { ok: false, message: `An ASIN has only letters and digits; this one also contains ${strays}.` }

  if (asin.length !== asinLength) {
    return { ok: false, message: `An ASIN has ${asinLength} characters; this one has ${asin.length}.` }
  }

  // Not uppercased for the tester: an ASIN typed in lowercase was likely retyped by hand,
  // so the tester should look at the source again rather than have it silently "fixed".
  if (asin !== asin.toUpperCase()) {
    return { ok: false, message: `An ASIN is written in capital letters: ${asin.toUpperCase()}, not ${asin}.` }
  }

  if (asin.startsWith('B0')) return { ok: true, value: asin }

  const isbn = isbn10CheckDigit(asin)
  if (isbn !== null && isbn.expected === asin.charAt(9)) {
    return { ok: true, value: asin, warning: 'This looks like a book ISBN-10, unusual for a smart-home device.' }
  }
  if (isbn !== null) {
    return {
      ok: false,
      message: `Product ASINs start with B0, and ${asin} is not a valid book ISBN-10 either: its last character should be ${isbn.expected}, not ${asin.charAt(9)}.`,
    }
  }
  // B-letter-O for B-zero is the typo testers make most when copying an ASIN by hand.
  if (asin.startsWith('BO')) {
    return {
      ok: false,
      message: `Product ASINs start with B0 (B and the digit zero); this one starts with BO (the letter O).`,
    }
  }
  return { ok: false, message: `Product ASINs start with B0; this one starts with ${asin.slice(0, 2)}.` }
}

/** The ISBN-10 check character for nine digits plus a digit or X, or null when the text is not shaped like an ISBN-10. */
function isbn10CheckDigit(text: string): { readonly expected: string } | null {
  if (!/^[0-9]{9}[0-9X]$/.test(text)) return null
  // ISBN-10: weights 10 down to 2 over the first nine digits; the check makes the total with weight 1 divisible by 11.
  let sum = 0
  for (let i = 0; i < 9; i++) sum += Number(text.charAt(i)) * (10 - i)
  const check = (11 - (sum % 11)) % 11
  return { expected: check === 10 ? 'X' : String(check) }
}
