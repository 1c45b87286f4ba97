// Parses an untrusted plan file away from the window's thread (SPEC §6): a file
// that makes the parser spin only freezes this worker, which the host terminates
// after the time limit. The host starts a fresh worker for each file. Everything that
// scans the file's text runs here: decoding, parsing, the header guess and the first
// check of every row.
import type { TextEncoding } from '../../core/import/decode-text'
import type { PlanImportLimits } from '../../core/import/limits'
import { readPlanBytes, type ReadPlanOutcome } from '../../core/import/read-plan-file'
import type { WorkerProtocol } from './protocol'
import { serve } from './serve'

/**
 * The file's bytes travel as a transferred ArrayBuffer, not a copy; the limits are the
 * window's (the column cap is a setting), so both sides refuse alike. `encoding` and
 * `sheet` are the ones the person chose, when they did.
 */
export type PlanReadRequest = {
  readonly name: string
  readonly bytes: ArrayBuffer
  readonly limits: PlanImportLimits
  readonly encoding?: TextEncoding | undefined
  readonly sheet?: string | undefined
}

/** Reading cannot say how far it got inside the parser, so it reports no progress. */
export type PlanReadProtocol = WorkerProtocol<PlanReadRequest, ReadPlanOutcome>

serve<PlanReadProtocol>(({ name, bytes, limits, encoding, sheet }) =>
  readPlanBytes({ name, bytes: new Uint8Array(bytes), encoding, sheet }, limits),
)
