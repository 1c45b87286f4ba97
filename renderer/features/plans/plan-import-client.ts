import { assertNever } from '../../../core/assert-never'
import { planFileSizeRefusal, planImportLimits, type PlanImportLimits } from '../../../core/import/limits'
import {
  canceledMessage,
  nothingImported,
  tookTooLongMessage,
  withNothingImported,
} from '../../../core/import/messages'
import type { PlanFile, ReadPlanOutcome } from '../../../core/import/read-plan-file'
import { runInWorker, type StartWorker, type WorkerLike } from '../../workers/host'
import type { PlanReadProtocol, PlanReadRequest } from '../../workers/plan-import.worker'

/**
 * What the import page calls to read a file: the Web Worker in the app, a synchronous
 * stand-in in UI tests. `limits` are the lab's (its column cap is a setting); without
 * them, the reader's own.
 */
export type ReadPlanFile = (file: PlanFile, signal: AbortSignal, limits?: PlanImportLimits) => Promise<ReadPlanOutcome>

export type { PlanReadRequest }

/** The part of a Worker the reader uses, so tests can hand in a fake. */
export type PlanWorker = WorkerLike<PlanReadRequest>

const startPlanWorker: StartWorker<PlanReadProtocol> = () =>
  new Worker(new URL('../../workers/plan-import.worker.ts', import.meta.url), { type: 'module', name: 'plan-import' })

/**
 * Reads plan files in a fresh Web Worker each, stopped when the time limit passes
 * or the tester cancels (see workers/host.ts). The file's bytes are handed over to
 * the worker: the caller must not use them afterwards.
 */
export function createWorkerPlanReader(
  options: { readonly limits?: PlanImportLimits; readonly start?: () => PlanWorker } = {},
): ReadPlanFile {
  const start = options.start ?? startPlanWorker
  return async (file, signal, lab) => {
    const limits = lab ?? options.limits ?? planImportLimits
    if (signal.aborted) return { ok: false, canceled: true, message: canceledMessage }
    // Refused before a worker starts: no worker, and no copy of the bytes, for a file that cannot be a plan.
    const tooLarge = planFileSizeRefusal(file.name, file.bytes.byteLength, limits)
    if (tooLarge !== undefined) return { ok: false, message: withNothingImported(tooLarge) }

    const bytes = ownBuffer(file.bytes)
    const outcome = await runInWorker<PlanReadProtocol>(
      start,
      { name: file.name, bytes, limits, encoding: file.encoding, sheet: file.sheet },
      {
        deadlineMillis: limits.maxMillis,
        signal,
        transfer: [bytes],
        label: { subject: file.name, action: 'read', worker: 'file reader', remedy: nothingImported },
      },
    )
    switch (outcome.kind) {
      case 'done':
        return outcome.result
      case 'failed':
        return { ok: false, message: outcome.message }
      case 'timed-out':
        return { ok: false, message: tookTooLongMessage(file.name, limits) }
      case 'canceled':
        return { ok: false, canceled: true, message: canceledMessage }
      default:
        return assertNever(outcome)
    }
  }
}

/** The default reader of the app. */
export const readPlanFileInWorker: ReadPlanFile = createWorkerPlanReader()

/** An ArrayBuffer holding exactly these bytes, to transfer: a view into a larger (or shared) buffer is copied first. */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength)
    return bytes.buffer
  return bytes.slice().buffer as ArrayBuffer
}
