import type { Check } from '../rules/check'
import { count } from './table'

/**
 * The setting for the most columns a plan file may have. Every column becomes an
 * option in six pickers, so a file with 100,000 of them would freeze the window;
 * Excel itself has at most 16,384. A plan needs at least a case ID and a title.
 */
export const columnCapSetting = {
  label: 'Most columns in a plan file',
  defaultValue: 200,
  min: 2,
  max: 16_384,
} as const

/** Where a person changes the cap, as the refusal names it. */
export const columnCapPlace = `Settings → Plan import → ${columnCapSetting.label}`

/** The cap as a person typed it: a whole number from 2 to 16,384, or a message saying so. */
export function checkColumnCap(typed: string): Check<number> {
  const text = typed.trim().replace(/[,\s]/g, '')
  const range = `from ${count(columnCapSetting.min)} to ${count(columnCapSetting.max)}`
  if (text === '') return { ok: false, message: `Enter the most columns a plan file may have, ${range}.` }
  if (!/^\d{1,6}$/.test(text)) return { ok: false, message: `Enter a whole number of columns, ${range}.` }
  const value = Number(text)
  if (value < columnCapSetting.min || value > columnCapSetting.max)
    return { ok: false, message: `${count(value)} is outside the range: enter a number ${range}.` }
  return { ok: true, value }
}

/** True when a stored value is a cap this build accepts; anything else reads as the default. */
export const isColumnCap = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= columnCapSetting.min && value <= columnCapSetting.max

/** Why a file `width` columns wide is refused, naming the file, the cap and where to change it; undefined within it. */
export function columnCapRefusal(label: string, width: number, maxColumns: number, noun = 'plan'): string | undefined {
  if (width <= maxColumns) return undefined
  // The one cap serves every import; it is set where plans are, and a listing file is told so.
  const applies = noun === 'plan' ? '' : ' (it applies to every import)'
  return `${label} has ${count(width)} columns; WWA Lab reads at most ${count(maxColumns)} (${columnCapPlace}). Remove the columns that are not part of the ${noun}, or raise the limit in Settings${applies}.`
}
