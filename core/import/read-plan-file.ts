import { guessMapping, type ColumnMapping } from './column-mapping'
import type { TextEncoding } from './decode-text'
import { planImportLimits, type PlanImportLimits } from './limits'
import { readTable } from './read-table'
import type { Table } from './table'
import { validatePlanRows, type PlanRowsCheck } from './validate-plan-rows'
import { digestSha256Hex } from '../crypto/digest'
import { nothingImported, withNothingImported } from './messages'
import { messageOf } from '../text/message-of'

/**
 * A plan file as it arrives from the dialog or a drop; `encoding` when the person chose
 * how to decode its text, `sheet` when they chose the workbook sheet to read.
 */
export type PlanFile = {
  readonly name: string
  readonly bytes: Uint8Array
  readonly encoding?: TextEncoding | undefined
  readonly sheet?: string | undefined
}

/**
 * A plan file read as a table, with the SHA-256 of its bytes to record where the plan
 * came from, the columns guessed from its headers and the check of every row with
 * them: all worked out where the file was read, off the window's thread.
 */
export type PlanFileRead = {
  readonly ok: true
  readonly table: Table
  readonly sha256: string
  readonly size: number
  readonly guessed: ColumnMapping
  readonly check: PlanRowsCheck
}

export type ReadPlanOutcome =
  | PlanFileRead
  | { readonly ok: false; readonly message: string }
  /** The tester stopped the reading; there is nothing to report. */
  | { readonly ok: false; readonly canceled: true; readonly message: string }

/**
 * Reads a plan file to a table. The Web Worker runs this, so untrusted bytes
 * are parsed off the window's thread; UI tests call it directly. Never
 * rejects: a parser failure becomes a message naming the file.
 */
export async function readPlanBytes(
  file: PlanFile,
  limits: PlanImportLimits = planImportLimits,
): Promise<ReadPlanOutcome> {
  try {
    const read = readTable(file, limits)
    if (!read.ok) return { ok: false, message: withNothingImported(read.message) }
    const { ok: _ok, ...table } = read
    const guessed = guessMapping(table.headers)
    const check = validatePlanRows(table, guessed)
    return { ok: true, table, sha256: await digestSha256Hex(file.bytes), size: file.bytes.byteLength, guessed, check }
  } catch (error) {
    const detail = messageOf(error)
    return {
      ok: false,
      message: `${file.name} could not be read as a plan (${detail}). Check that it is an xlsx, CSV or JSON file. ${nothingImported}`,
    }
  }
}
