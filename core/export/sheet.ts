/** An instant (ISO 8601, UTC) that a sheet shows as a date and time, not as text. */
export type SheetInstant = { readonly instant: string }

/**
 * One cell as the rows of an entity give it, the same for a table on screen and
 * a workbook: text is always text (never a formula, whatever it begins with),
 * numbers and booleans keep their type, null is an empty cell.
 */
export type SheetCell = string | number | boolean | SheetInstant | null

/** A sheet of rows: a header row, then one row per item, each as long as the header. */
export type SheetRows = {
  readonly name: string
  readonly header: readonly string[]
  readonly rows: readonly (readonly SheetCell[])[]
  /** Column widths in characters, one per header column. */
  readonly widths: readonly number[]
  /** Whether the header row stays in view while scrolling and carries a filter. */
  readonly table: boolean
}

export const instant = (value: string | null | undefined): SheetInstant | null =>
  value === null || value === undefined || value === '' ? null : { instant: value }

export const isInstant = (cell: SheetCell): cell is SheetInstant => typeof cell === 'object' && cell !== null
