import { maxExtraColumnName, maxExtraValue, type ExtraField } from '../model/test-plan'
import { clip } from '../text/clip'
import { columnLetter } from './cell-address'
import { planFields, type ColumnMapping } from './plan-columns'
import { count } from './table'

/** A column of the file that no plan field is read from, kept with each case under `name`. */
export type KeptColumn = { readonly index: number; readonly name: string }

/** The name a kept column is stored under: its header (clipped), or "Column F" when it has none. */
export function extraColumnName(headers: readonly string[], index: number): string {
  const header = (headers[index] ?? '').trim()
  if (header === '') return `Column ${columnLetter(index)}`
  // Clipped inside the limit, "…" included, and trimmed again: a clip can end on a space.
  return clip(header, maxExtraColumnName - 1).trim()
}

/**
 * The columns kept with each case: every column no field is read from, in file
 * order, but those in `leftOut` (the person chose not to keep them).
 */
export function keptColumns(
  headers: readonly string[],
  mapping: ColumnMapping,
  leftOut: ReadonlySet<number> = new Set(),
): KeptColumn[] {
  const mapped = new Set(planFields.map((field) => mapping[field]).filter((index) => index !== null))
  const kept: KeptColumn[] = []
  for (let index = 0; index < headers.length; index++) {
    if (mapped.has(index) || leftOut.has(index)) continue
    kept.push({ index, name: extraColumnName(headers, index) })
  }
  return kept
}

/** A kept cell's text, or the reason it cannot be kept (too long). */
export function extraCellProblem(value: string): string | undefined {
  if (value.length <= maxExtraValue) return undefined
  return `This cell has ${count(value.length)} characters; a kept column's cell can be at most ${count(maxExtraValue)}. Shorten it, or leave the column out below.`
}

/** The kept cells of one row that hold text, in file order: what a case stores as `extra`. */
export function extraFieldsOf(cells: readonly string[], kept: readonly KeptColumn[]): ExtraField[] {
  const fields: ExtraField[] = []
  for (const { index, name } of kept) {
    const value = cells[index] ?? ''
    if (value !== '') fields.push({ column: name, value })
  }
  return fields
}
