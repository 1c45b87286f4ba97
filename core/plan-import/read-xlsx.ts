import { unzipSync, zipSync } from 'fflate'
import { read, utils } from 'xlsx'
import type { CellObject, WorkBook, WorkSheet } from 'xlsx'
import { formatBytes } from '../format-bytes'
import type { PlanImportLimits } from './limits'
import { buildTable, fileLabel } from './table'
import type { Deadline, RawRow, TableRead } from './table'
import { readZipDirectory } from './zip-directory'

/**
 * The cases of an Excel workbook: the first visible sheet with any text (else the
 * first hidden one), every cell as the text Excel displays. Formulas are never
 * evaluated: a formula cell gives the value Excel saved with it.
 */
export function readXlsx(name: string, bytes: Uint8Array, limits: PlanImportLimits, deadline: Deadline): TableRead {
  const label = fileLabel(name)
  const directory = readZipDirectory(bytes)
  if (!directory.ok)
    return {
      ok: false,
      message: `${label} is damaged: it starts like an Excel workbook but its contents cannot be listed.`,
    }
  const partNames = new Set(directory.parts.map((part) => part.name.toLowerCase()))
  if (!partNames.has('xl/workbook.xml') && !partNames.has('xl/workbook.bin')) {
    return {
      ok: false,
      message: `${label} is a zip archive but not an Excel workbook. Save the plan as .xlsx or CSV and import that.`,
    }
  }
  const unpacked = directory.parts
    .filter((part) => isNeeded(part.name))
    .reduce((sum, part) => sum + part.unpackedBytes, 0)
  if (unpacked > limits.maxUnpackedBytes) {
    return {
      ok: false,
      message: `${label} unpacks to ${formatBytes(unpacked)}; a plan workbook can unpack to at most ${formatBytes(limits.maxUnpackedBytes)}. Remove what is not part of the plan and try again.`,
    }
  }

  // fflate unpacks the parts: it stops at the end of its input and never writes past a
  // part's declared size, where the spreadsheet library's own inflate can loop forever
  // on a damaged stream. The library then reads them repacked without compression.
  let stored: Uint8Array
  try {
    stored = zipSync(unzipSync(bytes, { filter: (file) => isNeeded(file.name) }), { level: 0 })
  } catch {
    return {
      ok: false,
      message: `${label} is damaged: part of it cannot be unpacked. Open it in Excel, save it again as .xlsx, and import that.`,
    }
  }
  if (deadline.overdue()) return { ok: false, message: deadline.message }

  let book: WorkBook
  try {
    book = read(stored, {
      type: 'array',
      dense: true,
      // Values and displayed text only: no formulas, styles, rich text, macros or calculation chains.
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      cellDates: false,
      bookVBA: false,
      bookDeps: false,
      sheetStubs: false,
    })
  } catch {
    return {
      ok: false,
      message: `${label} could not be read as an Excel workbook: it may be damaged. Open it in Excel, save it again as .xlsx, and import that.`,
    }
  }
  if (deadline.overdue()) return { ok: false, message: deadline.message }

  const sheet = firstSheetWithText(book)
  if (sheet === undefined)
    return { ok: false, message: `${label} has no text in any sheet: a plan needs a header row and one row per case.` }
  const raw = sheetRows(sheet.sheet, deadline)
  if (raw === undefined) return { ok: false, message: deadline.message }
  return buildTable({ format: 'xlsx', sheetName: sheet.name, name }, raw, limits)
}

// Pictures, embedded documents and printer settings hold no cases and can be most of a file's size.
const isNeeded = (name: string) => !/^(xl\/(media|embeddings|printerSettings)\/|docProps\/thumbnail)/i.test(name)

function firstSheetWithText(book: WorkBook): { name: string; sheet: WorkSheet } | undefined {
  const hidden = (index: number) => (book.Workbook?.Sheets?.[index]?.Hidden ?? 0) !== 0
  // A template's lookup lists often sit in a hidden sheet; the cases are in a visible one.
  const order = book.SheetNames.map((name, index) => ({ name, index })).sort(
    (a, b) => Number(hidden(a.index)) - Number(hidden(b.index)),
  )
  for (const { name } of order) {
    const sheet = book.Sheets[name]
    if (sheet !== undefined && hasText(sheet)) return { name, sheet }
  }
  return undefined
}

const denseRows = (sheet: WorkSheet): readonly (readonly (CellObject | undefined)[] | undefined)[] =>
  sheet['!data'] ?? []

function hasText(sheet: WorkSheet): boolean {
  return denseRows(sheet).some((row) => row?.some((cell) => cell !== undefined && displayed(cell) !== ''))
}

function sheetRows(sheet: WorkSheet, deadline: Deadline): RawRow[] | undefined {
  const rows: RawRow[] = []
  const data = denseRows(sheet)
  // An index loop: the dense row array has holes where the sheet has no row.
  for (let index = 0; index < data.length; index++) {
    if ((index & 1023) === 1023 && deadline.overdue()) return undefined
    const row = data[index]
    if (row === undefined) continue
    const cells: string[] = []
    for (let column = 0; column < row.length; column++) {
      const cell = row[column]
      cells.push(cell === undefined ? '' : displayed(cell))
    }
    rows.push({ row: index + 1, cells })
  }
  return rows
}

/** The cell as Excel shows it: a date or number in its format, TRUE/FALSE, an error as #N/A; a formula's saved value. */
function displayed(cell: CellObject): string {
  if (cell.t === 'z' || cell.v === undefined || cell.v === null) return typeof cell.w === 'string' ? cell.w : ''
  try {
    return utils.format_cell(cell)
  } catch {
    return String(cell.v)
  }
}
