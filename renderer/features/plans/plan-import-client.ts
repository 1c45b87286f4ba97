import type { PlanReadRequest } from '../../workers/plan-import.worker'
import { planImportLimits, type PlanImportLimits } from '../../../core/plan-import/limits'
import { canceledMessage, nothingImported, tookTooLongMessage, tooLargeMessage } from '../../../core/plan-import/messages'
import type { PlanFile, ReadPlanOutcome } from '../../../core/plan-import/read-plan-file'

/** What the import page calls to read a file: the Web Worker in the app, a synchronous stand-in in UI tests. */
export type ReadPlanFile = (file: PlanFile, signal: AbortSignal) => Promise<ReadPlanOutcome>

export type { PlanReadRequest }

/** The part of a Worker the client uses, so tests can hand in a fake. */
export type WorkerLike = {
  onmessage: ((event: MessageEvent<ReadPlanOutcome>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
  onmessageerror: ((event: MessageEvent) => void) | null
  postMessage(message: PlanReadRequest, transfer: Transferable[]): void
  terminate(): void
}

const startWorker = (): WorkerLike =>
  new Worker(new URL('../../workers/plan-import.worker.ts', import.meta.url), { type: 'module', name: 'plan-import' })

/**
 * Reads plan files in a fresh Web Worker each, and stops the worker (the only
 * way to interrupt a synchronous parser) when the time limit passes or the
 * tester cancels. The file's bytes are handed over to the worker: the caller
 * must not use them afterwards.
 */
export function createWorkerPlanReader(options: { readonly limits?: PlanImportLimits; readonly start?: () => WorkerLike } = {}): ReadPlanFile {
  const limits = options.limits ?? planImportLimits
  const start = options.start ?? startWorker
  return (file, signal) =>
    new Promise<ReadPlanOutcome>((resolve) => {
      if (signal.aborted) return resolve({ ok: false, canceled: true, message: canceledMessage })
      // Refused here too, before a worker starts: a dropped file never went through the dialog's limit.
      if (file.bytes.byteLength > limits.maxBytes) return resolve({ ok: false, message: tooLargeMessage(file.name, file.bytes.byteLength, limits) })

      let worker: WorkerLike
      try {
        worker = start()
      } catch (error) {
        return resolve({ ok: false, message: `${file.name} could not be read: the file reader did not start (${describe(error)}). ${nothingImported}` })
      }
      let done = false
      const finish = (outcome: ReadPlanOutcome) => {
        if (done) return
        done = true
        clearTimeout(timer)
        signal.removeEventListener('abort', onAbort)
        worker.terminate()
        resolve(outcome)
      }
      const onAbort = () => finish({ ok: false, canceled: true, message: canceledMessage })
      const timer = setTimeout(() => finish({ ok: false, message: tookTooLongMessage(file.name, limits) }), limits.maxMillis)
      signal.addEventListener('abort', onAbort)

      worker.onmessage = (event) => finish(event.data)
      worker.onerror = (event) => {
        event.preventDefault()
        finish({ ok: false, message: `${file.name} could not be read: the file reader stopped (${event.message || 'no reason given'}). ${nothingImported}` })
      }
      worker.onmessageerror = () => finish({ ok: false, message: `${file.name} could not be read: the file reader's answer was damaged. ${nothingImported}` })

      const buffer = ownBuffer(file.bytes)
      worker.postMessage({ name: file.name, bytes: buffer }, [buffer])
    })
}

/** The default reader of the app. */
export const readPlanFileInWorker: ReadPlanFile = (file, signal) => createWorkerPlanReader()(file, signal)

/** An ArrayBuffer holding exactly these bytes, to transfer: a view into a larger (or shared) buffer is copied first. */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes.buffer
  return bytes.slice().buffer as ArrayBuffer
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error))
