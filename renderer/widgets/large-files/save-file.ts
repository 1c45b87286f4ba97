import { maxChunkBytes, type LabBridge } from '../../../core/bridge/contract'
import type { BeginSaveRequest } from '../../../core/bridge/contract'
import { createSha256 } from '../../../core/crypto/sha256'
import { chunksOf, type SaveSource } from './chunks-of'
import { messageOf } from '../../../core/text/message-of'

export type SaveRequest = Omit<BeginSaveRequest, 'suggestedName'> & {
  readonly suggestedName: string
  readonly source: SaveSource
  /** The size of a source that is not a Blob, when known, for progress. */
  readonly size?: number
}

export type SaveProgress = { readonly name: string; readonly written: number; readonly total: number | undefined }

export type SaveOptions = {
  /** Aborting stops the save and has main remove what it wrote; the old file stays as it was. */
  readonly signal?: AbortSignal
  /** Called once the person has chosen where (written 0), then after each chunk main has written. */
  readonly onProgress?: (progress: SaveProgress) => void
  /** Smaller chunks than the contract's limit, for tests; never larger. */
  readonly chunkBytes?: number
}

export type SaveOutcome =
  | {
      readonly status: 'saved'
      readonly name: string
      readonly path: string
      readonly size: number
      readonly sha256: string
    }
  /** The person closed the save dialog without choosing. */
  | { readonly status: 'not-chosen' }
  | { readonly status: 'canceled'; readonly name: string }
  | { readonly status: 'failed'; readonly name: string; readonly message: string }

/**
 * Saves a file of any size through main's save session: the person picks the
 * path, the bytes go in chunks in order with a running SHA-256, and main
 * renames the finished file over the target only if its own hash agrees. A
 * cancel or a failure aborts the session, and the outcome is reported only
 * once main has removed its temporary file, so nothing is left on disk.
 */
export async function saveFile(lab: LabBridge, request: SaveRequest, options: SaveOptions = {}): Promise<SaveOutcome> {
  const { signal, onProgress } = options
  const chunkBytes = Math.min(options.chunkBytes ?? maxChunkBytes, maxChunkBytes)
  const { source, size, ...dialog } = request
  const total = source instanceof Blob ? source.size : size
  if (signal?.aborted) return { status: 'canceled', name: request.suggestedName }

  let begun: Awaited<ReturnType<LabBridge['files']['beginSave']>>
  try {
    begun = await lab.files.beginSave(dialog)
  } catch (error) {
    return {
      status: 'failed',
      name: request.suggestedName,
      message: `Could not save ${request.suggestedName}: ${reasonOf(error)}.`,
    }
  }
  if (!begun.ok) return { status: 'failed', name: request.suggestedName, message: begun.problem.message }
  if (begun.value.canceled) return { status: 'not-chosen' }
  const { saveId, name, path } = begun.value

  const hasher = createSha256()
  const chunks = chunksOf(source, chunkBytes)[Symbol.asyncIterator]()
  let written = 0
  try {
    onProgress?.({ name, written, total })
    for (;;) {
      const next = await unlessAborted(chunks.next(), signal)
      if (next.done === true) break
      hasher.update(next.value)
      const reply = await unlessAborted(lab.files.writeChunk({ saveId, offset: written, bytes: next.value }), signal)
      if (!reply.ok) {
        await abortQuietly(lab, saveId)
        return { status: 'failed', name, message: reply.problem.message }
      }
      written = reply.value.written
      onProgress?.({ name, written, total })
    }
    signal?.throwIfAborted()
  } catch (error) {
    void chunks.return?.(undefined).catch(() => undefined)
    await abortQuietly(lab, saveId)
    if (signal?.aborted === true) return { status: 'canceled', name }
    const message = `Could not save ${name}: ${reasonOf(error)}. Nothing was saved and the previous file, if any, is unchanged.`
    return { status: 'failed', name, message }
  }

  // Not abortable from here: once the rename is asked for, the new file is in place or the old one is.
  const committed = await lab.files
    .commitSave({ saveId, size: written, sha256: hasher.hex() })
    .catch((error: unknown) => {
      void abortQuietly(lab, saveId)
      return { ok: false, problem: { message: `Could not save ${name}: ${reasonOf(error)}.` } } as const
    })
  if (!committed.ok) return { status: 'failed', name, message: committed.problem.message }
  return { status: 'saved', name, path, size: committed.value.size, sha256: committed.value.sha256 }
}

/** The promise, or a rejection with the signal's reason as soon as it aborts, whichever comes first. */
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise
  // A call left running after an abort settles unobserved; it must not surface as an unhandled rejection.
  promise.catch(() => undefined)
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason)
    if (signal.aborted) return stop()
    signal.addEventListener('abort', stop, { once: true })
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop))
  })
}

/** Main has usually ended a refused save already; aborting again is harmless and covers the rest. */
async function abortQuietly(lab: LabBridge, saveId: string): Promise<void> {
  await lab.files.abortSave({ saveId }).catch(() => undefined)
}

function reasonOf(error: unknown): string {
  const message = messageOf(error)
  return message.replace(/\.+$/, '') || 'an unknown error'
}
