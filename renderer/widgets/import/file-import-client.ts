import { assertNever } from '../../../core/assert-never'
import { planFileSizeRefusal, type PlanImportLimits } from '../../../core/import/limits'
import {
  canceledMessage,
  nothingImported,
  tookTooLongMessage,
  withNothingImported,
} from '../../../core/import/messages'
import type { ImportFile } from '../../../core/import/read-import-file'
import { runInWorker, type StartWorker, type WorkerLike } from '../../workers/host'
import type {
  FileImportKind,
  FileImportOutcomes,
  FileReadProtocol,
  FileReadRequest,
} from '../../workers/file-import.worker'

/**
 * What an import page calls to read a file: the Web Worker in the app, a synchronous
 * stand-in in UI tests. `limits` are the lab's (its column cap is a setting); without
 * them, the reader's own.
 */
export type ReadImportFile<Outcome> = (
  file: ImportFile,
  signal: AbortSignal,
  limits?: PlanImportLimits,
) => Promise<Outcome>

/** The part of a Worker the reader uses, so tests can hand in a fake. */
export type FileImportWorker = WorkerLike<FileReadRequest>

const startFileWorker: StartWorker<FileReadProtocol> = () =>
  new Worker(new URL('../../workers/file-import.worker.ts', import.meta.url), { type: 'module', name: 'file-import' })

/**
 * Reads files of one kind in a fresh Web Worker each, stopped when the time limit passes
 * or the person cancels (see workers/host.ts). The file's bytes are handed over to the
 * worker: the caller must not use them afterwards. `fileNoun` words the size refusal.
 */
export function createWorkerFileReader<K extends FileImportKind>(
  kind: K,
  options: { readonly limits: PlanImportLimits; readonly fileNoun: string; readonly start?: () => FileImportWorker },
): ReadImportFile<FileImportOutcomes[K]> {
  const start = options.start ?? startFileWorker
  return async (file, signal, lab) => {
    const limits = lab ?? options.limits
    if (signal.aborted) return { ok: false, canceled: true, message: canceledMessage }
    // Refused before a worker starts: no worker, and no copy of the bytes, for a file too large to be one.
    const tooLarge = planFileSizeRefusal(file.name, file.bytes.byteLength, limits, options.fileNoun)
    if (tooLarge !== undefined) return { ok: false, message: withNothingImported(tooLarge) }

    const bytes = ownBuffer(file.bytes)
    const outcome = await runInWorker<FileReadProtocol>(
      start,
      { kind, name: file.name, bytes, limits, encoding: file.encoding, sheet: file.sheet },
      {
        deadlineMillis: limits.maxMillis,
        signal,
        transfer: [bytes],
        label: { subject: file.name, action: 'read', worker: 'file reader', remedy: nothingImported },
      },
    )
    switch (outcome.kind) {
      case 'done':
        // The worker answers a request of this kind with that kind's outcome (file-import.worker.ts).
        return outcome.result as FileImportOutcomes[K]
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

/** An ArrayBuffer holding exactly these bytes, to transfer: a view into a larger (or shared) buffer is copied first. */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength)
    return bytes.buffer
  return bytes.slice().buffer as ArrayBuffer
}
