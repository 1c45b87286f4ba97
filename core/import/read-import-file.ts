import type { TextEncoding } from './decode-text'
import type { PlanImportLimits } from './limits'
import { readTable } from './read-table'
import type { Table } from './table'
import type { TableKind } from './table-kind'
import { digestSha256Hex } from '../crypto/digest'
import { nothingImported, withNothingImported } from './messages'
import { messageOf } from '../text/message-of'

/**
 * A file to import as it arrives from the dialog or a drop; `encoding` when the person chose
 * how to decode its text, `sheet` when they chose the workbook sheet to read.
 */
export type ImportFile = {
  readonly name: string
  readonly bytes: Uint8Array
  readonly encoding?: TextEncoding | undefined
  readonly sheet?: string | undefined
}

/**
 * A file read as a table, with the SHA-256 of its bytes to record where the rows came from, the
 * columns guessed from its headers and the check of every row with them: all worked out where the
 * file was read, off the window's thread.
 */
export type ImportFileRead<Guess, Check> = {
  readonly ok: true
  readonly table: Table
  readonly sha256: string
  readonly size: number
  readonly guessed: Guess
  readonly check: Check
}

export type ImportReadOutcome<Read> =
  | Read
  | { readonly ok: false; readonly message: string }
  /** The person stopped the reading; there is nothing to report. */
  | { readonly ok: false; readonly canceled: true; readonly message: string }

/** What one kind of import does with a table once it is read: guess its columns and check every row. */
export type TableAnalysis<Guess, Check> = (table: Table) => { readonly guessed: Guess; readonly check: Check }

/**
 * Reads a file of one kind to a table and analyses it. A Web Worker runs this, so untrusted
 * bytes are parsed off the window's thread; UI tests call it directly. Never rejects: a
 * parser failure becomes a message naming the file.
 */
export async function readImportBytes<Guess, Check>(
  file: ImportFile,
  limits: PlanImportLimits,
  kind: TableKind,
  analyse: TableAnalysis<Guess, Check>,
): Promise<ImportReadOutcome<ImportFileRead<Guess, Check>>> {
  try {
    const read = readTable(file, limits, kind)
    if (!read.ok) return { ok: false, message: withNothingImported(read.message) }
    const { ok: _ok, ...table } = read
    const { guessed, check } = analyse(table)
    return { ok: true, table, sha256: await digestSha256Hex(file.bytes), size: file.bytes.byteLength, guessed, check }
  } catch (error) {
    const detail = messageOf(error)
    return {
      ok: false,
      message: `${file.name} could not be read as a ${kind.noun} (${detail}). Check that it is an ${kind.formats} file. ${nothingImported}`,
    }
  }
}
