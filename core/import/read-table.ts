import { decodeText, encodingLabels, type TextEncoding, type TextEncodingRead } from './decode-text'
import { planFileSizeRefusal, planImportLimits } from './limits'
import type { PlanImportLimits } from './limits'
import { csvDelimiters, parseCsv, sniffDelimiter } from './parse-csv'
import { readJson } from './read-json'
import { readXlsx } from './read-xlsx'
import { buildTable, fileLabel } from './table'
import type { Deadline, TableRead } from './table'
import type { TableKind } from './table-kind'
import { planTableKind } from './plan-columns'

export type { Table, TableRead, PlanFileFormat, SheetSummary, SheetBasis } from './table'

/**
 * A file of one kind (a plan unless `kind` says otherwise: plans were the first) as a table of trimmed text, or a message naming the file and what is
 * wrong. The format comes from the content, not the name: xlsx by its zip signature,
 * JSON if it is a list of cases (or {"cases": […]}), else CSV with the delimiter
 * sniffed among comma, semicolon and tab. Text is decoded as decodeText decides, or in
 * `encoding` when the person chose one; a workbook's cases come from the sheet `sheet`
 * names, when the person chose one. The size is checked before anything is
 * parsed, the number of rows and columns right after. Never throws.
 */
export function readTable(
  input: {
    readonly name: string
    readonly bytes: Uint8Array
    readonly encoding?: TextEncoding | undefined
    readonly sheet?: string | undefined
  },
  limits: PlanImportLimits = planImportLimits,
  kind: TableKind = planTableKind,
): TableRead {
  const { name, bytes } = input
  const label = fileLabel(name)
  const tooLarge = planFileSizeRefusal(name, bytes.length, limits, kind.fileNoun)
  if (tooLarge !== undefined) return { ok: false, message: tooLarge }
  if (bytes.length === 0) return { ok: false, message: `${label} is empty.` }
  const startedAt = Date.now()
  const deadline: Deadline = {
    overdue: () => Date.now() - startedAt > limits.maxMillis,
    message: `${label} took more than ${Math.round(limits.maxMillis / 1000)} seconds to read, so reading it was stopped. Remove what is not part of the ${kind.noun}, or split it into smaller files.`,
  }
  try {
    return readBytes(name, bytes, input, limits, deadline, kind)
  } catch {
    // The parsers are meant not to throw; this keeps a bug in one from reaching the tester as a crash.
    return { ok: false, message: `${label} could not be read. Check that it is an ${kind.formats} ${kind.what}.` }
  }
}

function readBytes(
  name: string,
  bytes: Uint8Array,
  choice: { readonly encoding?: TextEncoding | undefined; readonly sheet?: string | undefined },
  limits: PlanImportLimits,
  deadline: Deadline,
  kind: TableKind,
): TableRead {
  const label = fileLabel(name)
  const chosen = choice.encoding
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return readXlsx(name, bytes, limits, deadline, kind, choice.sheet)
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // Legacy .xls and password-protected .xlsx share this container.
    return {
      ok: false,
      message: `${label} is an Excel 97–2003 workbook (.xls) or a password-protected one. Remove the password or save it as .xlsx or CSV, then import that.`,
    }
  }
  const { text, ...encoding } = decodeText(bytes, chosen)
  if (text.includes('\u0000')) {
    if (chosen !== undefined)
      return {
        ok: false,
        message: `${label} read as ${encodingLabels[chosen]} holds binary data: it is not in that encoding. Choose another one.`,
      }
    return { ok: false, message: `${label} is not an ${kind.formats} file: it contains binary data.` }
  }

  const start = text.search(/\S/)
  const first = start === -1 ? '' : text[start]
  if (first === '[' || first === '{') {
    if (kind.json === undefined) {
      if (/\.json$/i.test(name.trim()))
        return { ok: false, message: `${label} is a JSON file; a ${kind.noun} is read from xlsx or CSV.` }
    } else {
      const json = readJson(name, text, limits, kind.json, kind, encoding)
      if (json.kind === 'read') return json.table
      if (/\.json$/i.test(name.trim())) return { ok: false, message: `${label} is not valid JSON: ${json.error}` }
    }
  }
  return readCsv(name, text, encoding, limits, deadline, kind)
}

function readCsv(
  name: string,
  text: string,
  encoding: TextEncodingRead,
  limits: PlanImportLimits,
  deadline: Deadline,
  kind: TableKind,
): TableRead {
  const label = fileLabel(name)
  // Excel's "sep=;" first line names the delimiter; the rows after it keep their numbers.
  const directive = /^sep=([,;\t])[ \t]*(\r\n|\n|\r|$)/i.exec(text)
  const body = directive === null ? text : text.slice(directive[0].length)
  const delimiter = csvDelimiters.find((candidate) => candidate === directive?.[1]) ?? sniffDelimiter(body)
  const parsed = parseCsv(body, delimiter, { firstRow: directive === null ? 1 : 2, overdue: deadline.overdue })
  if (!parsed.ok) {
    if ('overdue' in parsed) return { ok: false, message: deadline.message }
    return {
      ok: false,
      message: `${label}: the quoted cell that starts in row ${parsed.unclosedQuoteRow} is never closed. Add the missing " or remove the stray one.`,
    }
  }
  return buildTable({ format: 'csv', sheetName: null, name, encoding }, parsed.rows, limits, kind)
}

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
  signature.every((byte, index) => bytes[index] === byte)
