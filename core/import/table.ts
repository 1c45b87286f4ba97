import { cellAddress } from './cell-address'
import { columnCapRefusal } from './column-cap'
import type { TextEncodingRead } from './decode-text'
import type { PlanImportLimits } from './limits'
import type { TableKind } from './table-kind'

export const planFileFormats = ['xlsx', 'csv', 'json'] as const
export type PlanFileFormat = (typeof planFileFormats)[number]

/**
 * A plan file read as a table of text. Rows are numbered as the file numbers them
 * (the spreadsheet row, the CSV record, the JSON line where a case starts), so a
 * problem can say where to look even though fully empty rows are left out.
 */
export type Table = {
  readonly format: PlanFileFormat
  /** The worksheet the cases came from; null for CSV and JSON. */
  readonly sheetName: string | null
  /** Why the cases came from that sheet; null for CSV and JSON. */
  readonly sheetBasis: SheetBasis | null
  /** Every sheet of the workbook in its order, with its rows, to choose another from; empty for CSV and JSON. */
  readonly sheets: readonly SheetSummary[]
  /** The file row number of the header row (for JSON, 1: its keys are the headers). */
  readonly headerRow: number
  readonly headers: string[]
  /** Data rows, every one as long as `headers`, cells as trimmed text. */
  readonly rows: string[][]
  /** The file row number of each data row, rowNumbers[i] for rows[i]. */
  readonly rowNumbers: number[]
  /** The file row number of rows[0]. */
  readonly firstDataRow: number
  /** How the text of a CSV or JSON file was decoded; null for xlsx, whose parts say their own encoding. */
  readonly encoding: TextEncodingRead | null
  /** The formula cells of the header row and below (xlsx only): they are never imported as values. */
  readonly formulas: readonly FormulaCell[]
}

/**
 * Why a workbook's cases were read from their sheet: its header names the most plan
 * fields; no sheet has such a header, so the first with text; or the person chose it.
 */
export type SheetBasis = 'best-header' | 'first-with-text' | 'chosen'

/**
 * A sheet as the choice of sheets lists it: its name, the rows with text below its
 * header row (what would be read as cases), whether it is hidden, and how much its
 * header looks like a plan's (headerScore; 0 when it names no field).
 */
export type SheetSummary = {
  readonly name: string
  readonly rows: number
  readonly hidden: boolean
  readonly score: number
}

/** A spreadsheet cell that holds a formula: its file row, column index, address ("C7") and the formula ("=B7*2"). */
export type FormulaCell = {
  readonly row: number
  readonly column: number
  readonly address: string
  readonly formula: string
}

export type TableRead = ({ readonly ok: true } & Table) | { readonly ok: false; readonly message: string }

/** One row as the file has it, before empty rows are dropped; `formulas` are the columns that hold one, and the formula. */
export type RawRow = {
  readonly row: number
  readonly cells: readonly string[]
  readonly formulas?: readonly { readonly column: number; readonly formula: string }[]
}

/** The clock a read checks between steps; parsing is synchronous and cannot be interrupted. */
export type Deadline = { readonly overdue: () => boolean; readonly message: string }

/** Cells as text a person compares: line breaks as \n, no spaces around. */
export const cellText = (text: string) => text.replace(/\r\n?/g, '\n').trim()

export const count = (n: number) => n.toLocaleString('en-US')

/** "plan.csv", or a phrase that still reads well when the file has no name. */
export const fileLabel = (name: string) => (name.trim() === '' ? 'The file' : name.trim())

/** Rows with text looked at for the header: a title and a few lines of notes can sit above it. */
export const headerScanRows = 20

/**
 * Which of a sheet's rows with text is its header: among the first headerScanRows, the
 * one that names the most plan fields (headerScore, at least 2, the first of equals);
 * else the first row with text in two or more cells; else the first.
 */
export function headerRowIndex(rows: readonly (readonly string[])[], headerScore: TableKind['headerScore']): number {
  let best = -1
  let bestScore = 1
  const end = Math.min(rows.length, headerScanRows)
  for (let at = 0; at < end; at++) {
    const score = headerScore(rows[at] ?? [])
    if (score > bestScore) {
      best = at
      bestScore = score
    }
  }
  if (best !== -1) return best
  return Math.max(
    0,
    rows.findIndex((cells) => cells.filter((cell) => cell !== '').length >= 2),
  )
}

/**
 * The header is the row headerRowIndex picks (for JSON, its keys); rows above it, such
 * as a title or notes, are left out, and so are rows with no text at all.
 * Columns with no text in any row are dropped from the right, and every row is padded
 * to the header's width so a column index means the same cell in every row.
 */
export function buildTable(
  base: {
    format: PlanFileFormat
    sheetName: string | null
    name: string
    encoding?: TextEncodingRead
    sheetBasis?: SheetBasis
    sheets?: readonly SheetSummary[]
  },
  raw: readonly RawRow[],
  limits: PlanImportLimits,
  kind: TableKind,
): TableRead {
  const kept: RawRow[] = []
  for (const row of raw) {
    const cells = row.cells.map(cellText)
    if (cells.some((cell) => cell !== '') || (row.formulas?.length ?? 0) > 0)
      kept.push(row.formulas === undefined ? { row: row.row, cells } : { row: row.row, cells, formulas: row.formulas })
  }
  // A title above the table ("Acme test plan, v3") is one cell; a plan's header has at least an ID and a title.
  const headerAt =
    base.format === 'json'
      ? 0
      : headerRowIndex(
          kept.slice(0, headerScanRows).map((row) => row.cells),
          kind.headerScore,
        )
  const [header, ...data] = kept.slice(headerAt)
  let width = 0
  for (const row of [header, ...data]) {
    if (row === undefined) continue
    let last = row.cells.length - 1
    while (last >= 0 && row.cells[last] === '') last--
    width = Math.max(width, last + 1)
  }
  const label = fileLabel(base.name)
  if (header === undefined)
    return {
      ok: false,
      message: `${label} has no text in it: a ${kind.noun} needs a header row and one row per ${kind.row}.`,
    }
  // Before the row count: a file wider than the cap is refused before anything is padded to its width.
  const tooWide = columnCapRefusal(label, width, limits.maxColumns, kind.noun)
  if (tooWide !== undefined) return { ok: false, message: tooWide }
  if (data.length === 0) return { ok: false, message: `${label} has a header row but no ${kind.rows} below it.` }
  if (data.length > limits.maxRows) {
    return {
      ok: false,
      message: `${label} has ${count(data.length)} ${kind.rows}; a ${kind.noun} can have at most ${count(limits.maxRows)}.`,
    }
  }
  const pad = (cells: readonly string[]) => Array.from({ length: width }, (_, index) => cells[index] ?? '')
  const rowNumbers = data.map((row) => row.row)
  return {
    ok: true,
    format: base.format,
    sheetName: base.sheetName,
    sheetBasis: base.sheetBasis ?? null,
    sheets: base.sheets ?? [],
    headerRow: header.row,
    headers: pad(header.cells),
    rows: data.map((row) => pad(row.cells)),
    rowNumbers,
    firstDataRow: rowNumbers[0] ?? header.row + 1,
    encoding: base.encoding ?? null,
    formulas: [header, ...data].flatMap((row) =>
      (row.formulas ?? []).map(({ column, formula }) => ({
        row: row.row,
        column,
        address: cellAddress(column, row.row),
        formula,
      })),
    ),
  }
}
