// Parses an untrusted file to import away from the window's thread (SPEC §6): a file
// that makes the parser spin only freezes this worker, which the host terminates
// after the time limit. The host starts a fresh worker for each file. Everything that
// scans the file's text runs here: decoding, parsing, the header guess and the first
// check of every row, for whichever kind of file it is.
import type { TextEncoding } from '../../core/import/decode-text'
import type { PlanImportLimits } from '../../core/import/limits'
import { readListingBytes, type ReadListingOutcome } from '../../core/import/read-listing-file'
import { readPlanBytes, type ReadPlanOutcome } from '../../core/import/read-plan-file'
import type { WorkerProtocol } from './protocol'
import { serve } from './serve'

/** What each kind of file reads to. */
export type FileImportOutcomes = { readonly plan: ReadPlanOutcome; readonly listings: ReadListingOutcome }
export type FileImportKind = keyof FileImportOutcomes

/**
 * The file's bytes travel as a transferred ArrayBuffer, not a copy; the limits are the
 * window's (the column cap is a setting), so both sides refuse alike. `encoding` and
 * `sheet` are the ones the person chose, when they did.
 */
export type FileReadRequest = {
  readonly kind: FileImportKind
  readonly name: string
  readonly bytes: ArrayBuffer
  readonly limits: PlanImportLimits
  readonly encoding?: TextEncoding | undefined
  readonly sheet?: string | undefined
}

/** Reading cannot say how far it got inside the parser, so it reports no progress. */
export type FileReadProtocol = WorkerProtocol<FileReadRequest, FileImportOutcomes[FileImportKind]>

serve<FileReadProtocol>(({ kind, name, bytes, limits, encoding, sheet }) => {
  const file = { name, bytes: new Uint8Array(bytes), encoding, sheet }
  return kind === 'plan' ? readPlanBytes(file, limits) : readListingBytes(file, limits)
})
