import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate'
import { utils, write, type CellObject, type WorkBook, type WorkSheet } from 'xlsx'
import { isInstant, type SheetCell, type SheetRows } from './sheet'

/** How date-and-time cells are shown: ISO order, so no reader mistakes the day for the month. */
export const dateTimeFormat = 'yyyy-mm-dd hh:mm:ss'

const msPerDay = 86_400_000
// Excel's day 0 is 1899-12-30 (the 1900 leap-year bug included), i.e. 25,569 days before 1970-01-01.
const unixEpochSerial = 25_569

/** The spreadsheet serial of an instant, in UTC: no machine's time zone moves it. */
export const excelSerial = (iso: string): number => Date.parse(iso) / msPerDay + unixEpochSerial

/** Excel holds at most this many characters in a cell (and SheetJS refuses to write more). */
export const maxCellText = 32_767
const clipNote = '… (cut here: a cell holds at most 32,767 characters)'
// Two hundred long evidence names can pass the limit; the rest of the text is kept rather than the workbook refused.
const clipped = (text: string) => `${text.slice(0, maxCellText - clipNote.length)}${clipNote}`

/**
 * The cell a value becomes. Text is always a string cell (t:'s') and never has a
 * formula, so "=HYPERLINK(…)", "+1", "-x", "@sum" or text starting with a tab or
 * carriage return stays exactly the text it was; instants are numbers with a date format.
 */
export function cellOf(value: SheetCell): CellObject | undefined {
  if (value === null || value === '') return undefined
  if (typeof value === 'string') return { t: 's', v: value.length > maxCellText ? clipped(value) : value }
  if (typeof value === 'number') return { t: 'n', v: value }
  if (typeof value === 'boolean') return { t: 'b', v: value }
  if (isInstant(value)) {
    const serial = excelSerial(value.instant)
    // A value that is not an instant is shown as the text it was rather than as a wrong date.
    return Number.isFinite(serial) ? { t: 'n', v: serial, z: dateTimeFormat } : { t: 's', v: value.instant }
  }
  return undefined
}

/** A dense-mode worksheet of the header and rows, with column widths and, for a table, an autofilter. */
export function worksheetOf(sheet: SheetRows): WorkSheet {
  const data: (CellObject | undefined)[][] = [sheet.header.map((h) => ({ t: 's', v: h }))]
  for (const row of sheet.rows) data.push(row.map(cellOf))
  const ref = utils.encode_range({ s: { r: 0, c: 0 }, e: { r: data.length - 1, c: sheet.header.length - 1 } })
  const ws: WorkSheet = { '!data': data as CellObject[][], '!ref': ref }
  ws['!cols'] = sheet.widths.map((wch) => ({ wch }))
  if (sheet.table) ws['!autofilter'] = { ref }
  return ws
}

// What SheetJS writes for every sheet; a frozen pane goes inside it. SheetJS's community
// edition reads panes but does not write them, hence the one edit of its XML below.
const plainSheetView = '<sheetView workbookViewId="0"/>'
const frozenHeaderView =
  '<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
  '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>'

/**
 * The xlsx bytes of these sheets, in order: shared strings, real date cells, and
 * for each table a frozen header row and an autofilter over its rows.
 */
export function workbookBytes(sheets: readonly SheetRows[]): Uint8Array {
  const wb: WorkBook = utils.book_new()
  for (const sheet of sheets) utils.book_append_sheet(wb, worksheetOf(sheet), sheet.name)
  // Stored, not deflated: fflate deflates the parts below at level 1 in a fraction of SheetJS's time, and smaller.
  const stored = write(wb, { type: 'array', bookType: 'xlsx', bookSST: true, compression: false }) as ArrayBuffer
  const parts = unzipSync(new Uint8Array(stored))
  sheets.forEach((sheet, index) => {
    if (!sheet.table) return
    const path = `xl/worksheets/sheet${index + 1}.xml`
    const part = parts[path]
    if (part === undefined) throw new Error(`SheetJS wrote no ${path} for sheet "${sheet.name}".`)
    const xml = strFromU8(part)
    if (!xml.includes(plainSheetView)) throw new Error(`${path} has no sheet view to freeze the header row in.`)
    parts[path] = strToU8(xml.replace(plainSheetView, frozenHeaderView))
  })
  const zippable: Zippable = {}
  for (const [path, bytes] of Object.entries(parts)) zippable[path] = [bytes, { level: 1 }]
  return zipSync(zippable)
}
