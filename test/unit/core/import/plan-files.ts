import { utils, write } from 'xlsx'
import type { WorkBook } from 'xlsx'

// Plan files the way a lab's tools write them, built in the test so nothing binary is checked in.

export const header = ['Case ID', 'Title', 'Category', 'Steps', 'Expected result', 'Required'] as const

export function planRows(count: number): string[][] {
  return Array.from({ length: count }, (_, index) => [
    `TC-${String(index + 1).padStart(4, '0')}`,
    `Case ${index + 1}`,
    index % 2 === 0 ? 'Alexa.PowerController' : 'Alexa.BrightnessController',
    `Say "Alexa, turn on lamp ${index + 1}"`,
    'The lamp turns on within 2 seconds',
    index % 3 === 0 ? 'optional' : 'required',
  ])
}

export function xlsxBytes(
  sheets: Record<string, unknown[][]>,
  options: { compression?: boolean; hidden?: readonly string[] } = {},
): Uint8Array {
  const book: WorkBook = utils.book_new()
  for (const [name, rows] of Object.entries(sheets))
    utils.book_append_sheet(book, utils.aoa_to_sheet(rows, { cellDates: true }), name)
  if (options.hidden !== undefined) {
    book.Workbook = {
      Sheets: book.SheetNames.map((name) => ({ name, Hidden: options.hidden?.includes(name) === true ? 1 : 0 })),
    }
  }
  return new Uint8Array(
    write(book, { type: 'array', bookType: 'xlsx', compression: options.compression ?? false }) as ArrayBuffer,
  )
}

export function xlsxFromBook(book: WorkBook): Uint8Array {
  return new Uint8Array(write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer)
}

export const utf8 = (text: string) => new TextEncoder().encode(text)

/** CSV text with cells quoted only where they need it. */
export function csv(rows: readonly (readonly string[])[], delimiter = ',', newline = '\r\n'): string {
  const quote = (cell: string) =>
    /["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replaceAll('"', '""')}"` : cell
  return rows.map((row) => row.map(quote).join(delimiter)).join(newline) + newline
}
