import type { Check } from '../rules/check'
import { clip } from '../text/clip'

// English and German ("ja", "nein", "wahr", "falsch": Excel's TRUE and FALSE in a German Excel).
const yes = new Set(['yes', 'y', 'true', '1', 'x', '✓', '✔', '☑', 'ja', 'j', 'wahr'])
const no = new Set(['no', 'n', 'false', '0', 'nein', 'falsch'])
// Words that say what they mean whatever the column is called ("Muss" and "Kann" in a German "Muss/Kann" column).
const requiredWords = new Set(['required', 'mandatory', 'pflicht', 'muss', 'erforderlich'])
const optionalWords = new Set(['optional', 'kann'])

/**
 * Whether a case is required, from its cell in a "Required" column or, with
 * `optionalColumn`, in an "Optional" column, where yes means optional. A blank cell
 * means required in both.
 */
export function parseRequired(cell: string, optionalColumn: boolean): Check<boolean> {
  const value = cell.trim().toLowerCase()
  if (value === '' || requiredWords.has(value)) return { ok: true, value: true }
  if (optionalWords.has(value)) return { ok: true, value: false }
  if (yes.has(value)) return { ok: true, value: !optionalColumn }
  if (no.has(value)) return { ok: true, value: optionalColumn }
  const shown = clip(cell.trim(), 40)
  return {
    ok: false,
    message: optionalColumn
      ? `"${shown}" is not a yes or no. In this column, write yes (or x) for an optional case, and no or nothing for a required one.`
      : `"${shown}" is not a yes or no. Write yes or no (also y/n, true/false, 1/0, x), or required or optional; an empty cell means required.`,
  }
}
