import { zipSync, type Zippable } from 'fflate'
import { read, SSF, utils } from 'xlsx'
import type { CellObject, WorkBook, WorkSheet } from 'xlsx'
import { formatBytes } from '../format-bytes'
import type { PlanImportLimits } from './limits'
import { scoredHeaderCells } from './column-mapping'
import type { TableKind } from './table-kind'
import { buildTable, cellText, fileLabel, headerRowIndex, headerScanRows } from './table'
import type { Deadline, RawRow, SheetBasis, SheetSummary, TableRead } from './table'
import { unzipParts } from './unzip-parts'
import { readZipDirectory } from './zip-directory'
import { partNameProblem } from './zip-part-names'

const resave = 'Open it in Excel, save it again as .xlsx, and import that.'

/**
 * The cases of an Excel workbook, every cell as the text Excel displays. They are read
 * from the sheet `chosen` names; else from the sheet whose header looks most like a
 * plan's (visible sheets before hidden ones, the first of equals), so a cover or
 * instructions sheet in front is passed over; else from the first visible sheet with
 * any text. The table lists every sheet with its rows, to choose another. Formulas are
 * never evaluated, nor taken by their saved value: a formula cell is listed in the
 * table's `formulas`, and its text is the formula.
 */
export function readXlsx(
  name: string,
  bytes: Uint8Array,
  limits: PlanImportLimits,
  deadline: Deadline,
  kind: TableKind,
  chosen?: string,
): TableRead {
  const label = fileLabel(name)
  const directory = readZipDirectory(bytes)
  if (!directory.ok) {
    return {
      ok: false,
      message:
        directory.reason === 'directories-disagree'
          ? `${label} cannot be trusted as a workbook: its zip directory says two different things (${directory.detail}). WWA Lab does not unpack such a file. ${resave}`
          : `${label} is damaged: it starts like an Excel workbook but its contents cannot be listed.`,
    }
  }
  const badName = partNameProblem(directory.parts)
  if (badName !== undefined) {
    return {
      ok: false,
      message:
        badName.kind === 'reserved'
          ? `${label} holds a part named “${badName.name}”: WWA Lab refuses workbooks with a part named ${badName.segment}, which no Excel file has. ${resave}`
          : `${label} holds two parts named “${badName.name}”, so it is unclear which one Excel would read. ${resave}`,
    }
  }
  const partNames = new Set(directory.parts.map((part) => part.name.toLowerCase()))
  if (!partNames.has('xl/workbook.xml') && !partNames.has('xl/workbook.bin')) {
    return {
      ok: false,
      message: `${label} is a zip archive but not an Excel workbook. Save the ${kind.noun} as .xlsx or CSV and import that.`,
    }
  }
  const unpackTooLarge = (unpacked: number) =>
    `${label} unpacks to ${formatBytes(unpacked)}; a ${kind.workbookNoun} can unpack to at most ${formatBytes(limits.maxUnpackedBytes)}. Remove what is not part of the ${kind.noun} and try again.`
  const unpacked = directory.parts
    .filter((part) => isNeeded(part.name))
    .reduce((sum, part) => sum + part.unpackedBytes, 0)
  if (unpacked > limits.maxUnpackedBytes) return { ok: false, message: unpackTooLarge(unpacked) }

  // fflate unpacks the parts, within the sizes just checked: the spreadsheet library
  // never unzips the untrusted file itself (its own inflate can loop forever on a
  // damaged stream). It then reads them from a zip repacked here, uncompressed.
  let stored: Uint8Array
  try {
    const parts = unzipParts(bytes, directory.parts, isNeeded, limits.maxUnpackedBytes)
    if (!parts.ok) {
      return {
        ok: false,
        message:
          parts.reason === 'too-large'
            ? unpackTooLarge(parts.bytes)
            : `${label} cannot be trusted as a workbook: its part “${parts.name}” is not the one its directory lists. ${resave}`,
      }
    }
    stored = zipSync(zippable(parts.parts), { level: 0 })
  } catch {
    return {
      ok: false,
      message: `${label} is damaged: part of it cannot be unpacked. ${resave}`,
    }
  }
  if (deadline.overdue()) return { ok: false, message: deadline.message }

  let book: WorkBook
  try {
    book = read(stored, {
      type: 'array',
      dense: true,
      // Values, displayed text and formulas (to flag them): no styles, rich text, macros or calculation chains.
      cellFormula: true,
      cellHTML: false,
      cellStyles: false,
      cellDates: false,
      bookVBA: false,
      bookDeps: false,
      sheetStubs: false,
      // Number formats, to tell a date cell (read as ISO text) from a number.
      cellNF: true,
    })
  } catch {
    return {
      ok: false,
      message: `${label} could not be read as an Excel workbook: it may be damaged. ${resave}`,
    }
  }
  if (deadline.overdue()) return { ok: false, message: deadline.message }

  const sheets = summarizeSheets(book, deadline, kind.headerScore)
  if (sheets === undefined) return { ok: false, message: deadline.message }
  const pick = pickSheet(sheets, chosen)
  if (pick === undefined) {
    if (chosen !== undefined)
      return { ok: false, message: `${label} has no sheet named “${chosen}”. Choose one of its sheets.` }
    return {
      ok: false,
      message: `${label} has no text in any sheet: a ${kind.noun} needs a header row and one row per ${kind.row}.`,
    }
  }
  const sheet = book.Sheets[pick.name]
  const raw = sheet === undefined ? [] : sheetRows(sheet, deadline, book.Workbook?.WBProps?.date1904 === true)
  if (raw === undefined) return { ok: false, message: deadline.message }
  // With several sheets, a refusal names the sheet it read.
  const where = sheets.length > 1 ? `Sheet “${pick.name}” of ${label}` : name
  const listed = sheets.map(({ name, rows, hidden, score }): SheetSummary => ({ name, rows, hidden, score }))
  return buildTable(
    { format: 'xlsx', sheetName: pick.name, name: where, sheetBasis: pick.basis, sheets: listed },
    raw,
    limits,
    kind,
  )
}

/** The sheet to read and why: the one chosen; else the best plan-like header (score 2 or more); else the first with text. */
function pickSheet(
  sheets: readonly SheetScan[],
  chosen: string | undefined,
): { name: string; basis: SheetBasis } | undefined {
  if (chosen !== undefined) {
    const found = sheets.find((sheet) => sheet.name === chosen)
    return found === undefined ? undefined : { name: found.name, basis: 'chosen' }
  }
  // A template's lookup lists often sit in a hidden sheet; the cases are in a visible one.
  const order = [...sheets].sort((a, b) => Number(a.hidden) - Number(b.hidden))
  let best: SheetScan | undefined
  for (const sheet of order) if (sheet.score >= 2 && (best === undefined || sheet.score > best.score)) best = sheet
  if (best !== undefined) return { name: best.name, basis: 'best-header' }
  const first = order.find((sheet) => sheet.textRows > 0)
  return first === undefined ? undefined : { name: first.name, basis: 'first-with-text' }
}

type SheetScan = SheetSummary & { readonly textRows: number }

/**
 * Each sheet's rows with text, the rows below its header and its header's score: one
 * pass over every cell (each looked at until the row is known to hold text), plus the
 * first headerScanRows rows with text read in full, at most scoredHeaderCells cells each.
 */
function summarizeSheets(
  book: WorkBook,
  deadline: Deadline,
  headerScore: TableKind['headerScore'],
): SheetScan[] | undefined {
  const scans: SheetScan[] = []
  for (const [index, name] of book.SheetNames.entries()) {
    const hidden = (book.Workbook?.Sheets?.[index]?.Hidden ?? 0) !== 0
    const sheet = book.Sheets[name]
    const data = sheet === undefined ? [] : denseRows(sheet)
    const top: string[][] = []
    let textRows = 0
    for (let at = 0; at < data.length; at++) {
      if ((at & 1023) === 1023 && deadline.overdue()) return undefined
      const row = data[at]
      if (row === undefined || !row.some((cell) => cell !== undefined && displayed(cell) !== '')) continue
      textRows++
      if (top.length < headerScanRows)
        top.push(row.slice(0, scoredHeaderCells).map((cell) => (cell === undefined ? '' : cellText(displayed(cell)))))
    }
    const headerAt = headerRowIndex(top, headerScore)
    scans.push({
      name,
      hidden,
      textRows,
      rows: Math.max(0, textRows - headerAt - 1),
      score: top.length === 0 ? 0 : headerScore(top[headerAt] ?? []),
    })
  }
  return scans
}

/** The parts as fflate's zipSync takes them, in an object without a prototype (the names were checked, but still). */
function zippable(parts: ReadonlyMap<string, Uint8Array>): Zippable {
  const files = Object.create(null) as Record<string, Uint8Array>
  for (const [name, part] of parts) files[name] = part
  return files
}

// Pictures, embedded documents and printer settings hold no cases and can be most of a file's size.
const isNeeded = (name: string) => !/^(xl\/(media|embeddings|printerSettings)\/|docProps\/thumbnail)/i.test(name)

const denseRows = (sheet: WorkSheet): readonly (readonly (CellObject | undefined)[] | undefined)[] =>
  sheet['!data'] ?? []

function sheetRows(sheet: WorkSheet, deadline: Deadline, date1904: boolean): RawRow[] | undefined {
  const rows: RawRow[] = []
  const data = denseRows(sheet)
  // An index loop: the dense row array has holes where the sheet has no row.
  for (let index = 0; index < data.length; index++) {
    if ((index & 1023) === 1023 && deadline.overdue()) return undefined
    const row = data[index]
    if (row === undefined) continue
    const cells: string[] = []
    const formulas: { column: number; formula: string }[] = []
    for (let column = 0; column < row.length; column++) {
      const cell = row[column]
      const formula = typeof cell?.f === 'string' && cell.f !== '' ? `=${cell.f}` : undefined
      if (formula !== undefined) formulas.push({ column, formula })
      // The formula itself, not its saved value: what the preview shows is what the sheet holds.
      cells.push(cell === undefined ? '' : (formula ?? displayed(cell, date1904)))
    }
    rows.push(formulas.length === 0 ? { row: index + 1, cells } : { row: index + 1, cells, formulas })
  }
  return rows
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * A date cell's serial as ISO text, whatever format Excel shows it in ("11/30/26" is 2026-11-30): 2026-11-30, or
 * 2026-11-30 14:05 (with :ss when the seconds are not 0) when it holds a time of day. Undefined out of range.
 */
function serialAsIsoText(serial: number, date1904 = false): string | undefined {
  // Day 25569 of the 1900 system (and 24107 of the 1904 one) is 1970-01-01; Excel's 1900 leap-year bug lies before.
  const ms = Math.round(((serial - (date1904 ? 24107 : 25569)) * 86_400_000) / 1000) * 1000
  const at = new Date(ms)
  const year = at.getUTCFullYear()
  if (!Number.isFinite(ms) || year < 1900 || year > 9999) return undefined
  const day = `${year}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`
  const [h, m, sec] = [at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds()]
  if (h === 0 && m === 0 && sec === 0) return day
  return `${day} ${pad(h)}:${pad(m)}${sec === 0 ? '' : `:${pad(sec)}`}`
}

/**
 * The cell as Excel shows it (a number in its format, TRUE/FALSE, an error as #N/A), but a date as ISO text, so
 * a date means one day whatever the workstation's locale, and a whole number Excel shows in exponent form
 * (4.00638E+12: an EAN in a General cell) with all its digits.
 */
function displayed(cell: CellObject, date1904 = false): string {
  if (cell.t === 'z' || cell.v === undefined || cell.v === null) return typeof cell.w === 'string' ? cell.w : ''
  if (cell.t === 'n' && typeof cell.v === 'number') {
    if (typeof cell.z === 'string' && SSF.is_date(cell.z)) {
      const iso = serialAsIsoText(cell.v, date1904)
      if (iso !== undefined) return iso
    }
    if (Number.isSafeInteger(cell.v) && /e[+-]?\d/i.test(cell.w ?? '')) return String(cell.v)
  }
  try {
    return utils.format_cell(cell)
  } catch {
    return String(cell.v)
  }
}
