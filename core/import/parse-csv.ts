import type { RawRow } from './table'

export const csvDelimiters = [',', ';', '\t'] as const
export type CsvDelimiter = (typeof csvDelimiters)[number]

export type CsvParse =
  | { readonly ok: true; readonly rows: RawRow[] }
  | { readonly ok: false; readonly unclosedQuoteRow: number }
  | { readonly ok: false; readonly overdue: true }

const QUOTE = 34
const CR = 13
const LF = 10

/**
 * Records of RFC 4180 CSV: quoted cells may hold the delimiter, line breaks and ""
 * for a quote; CRLF, LF and CR all end a record. Rows are numbered by record, as a
 * spreadsheet shows the file, not by line. Stops after `maxRecords` when given.
 */
export function parseCsv(
  text: string,
  delimiter: CsvDelimiter,
  options: { readonly maxRecords?: number; readonly firstRow?: number; readonly overdue?: () => boolean } = {},
): CsvParse {
  const separator = delimiter.charCodeAt(0)
  const maxRecords = options.maxRecords ?? Number.POSITIVE_INFINITY
  const rows: RawRow[] = []
  let record = options.firstRow ?? 1
  let i = 0
  const end = text.length
  while (i < end && rows.length < maxRecords) {
    if ((rows.length & 1023) === 1023 && options.overdue?.() === true) return { ok: false, overdue: true }
    const cells: string[] = []
    for (;;) {
      let cell = ''
      if (text.charCodeAt(i) === QUOTE) {
        let from = i + 1
        for (;;) {
          const close = text.indexOf('"', from)
          if (close === -1) return { ok: false, unclosedQuoteRow: record }
          cell += text.slice(from, close)
          if (text.charCodeAt(close + 1) === QUOTE) {
            cell += '"'
            from = close + 2
            continue
          }
          i = close + 1
          break
        }
      }
      // Unquoted text, or what strays after a closing quote, runs to the delimiter or the line's end.
      let stop = i
      while (stop < end) {
        const unit = text.charCodeAt(stop)
        if (unit === separator || unit === CR || unit === LF) break
        stop++
      }
      cell += text.slice(i, stop)
      cells.push(cell)
      i = stop
      if (i < end && text.charCodeAt(i) === separator) {
        i++
        continue
      }
      break
    }
    if (text.charCodeAt(i) === CR) i++
    if (text.charCodeAt(i) === LF) i++
    rows.push({ row: record, cells })
    record++
  }
  return { ok: true, rows }
}

/**
 * The delimiter of a CSV text: the one that splits the header into the most cells,
 * a tie going to the one that splits the next rows into as many; comma when none splits it.
 */
export function sniffDelimiter(text: string): CsvDelimiter {
  let best: CsvDelimiter = ','
  let bestScore = [1, 0]
  for (const delimiter of csvDelimiters) {
    const sample = parseCsv(text, delimiter, { maxRecords: 10 })
    // With an unclosed quote the whole read fails anyway; the header line alone still gives a width for the message path.
    const rows = sample.ok ? sample.rows : []
    const width = rows[0]?.cells.length ?? headerWidth(text, delimiter)
    const agreeing = rows.slice(1).filter((row) => row.cells.length === width).length
    const score = [width, agreeing] as const
    if (score[0] > bestScore[0]! || (score[0] === bestScore[0] && score[1] > bestScore[1]!)) {
      best = delimiter
      bestScore = [score[0], score[1]]
    }
  }
  return best
}

function headerWidth(text: string, delimiter: CsvDelimiter): number {
  const firstLine = parseCsv(text.split(/\r\n?|\n/, 1)[0] ?? '', delimiter, { maxRecords: 1 })
  return firstLine.ok ? (firstLine.rows[0]?.cells.length ?? 1) : 1
}
