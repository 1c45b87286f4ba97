import * as nodeFs from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import type { SaveJournal } from './save-journal'
import { temporaryPathFor } from './temporary-names'

/** The part of a file handle the atomic write uses. */
export type WritableHandle = {
  write(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ readonly bytesWritten: number }>
  sync(): Promise<void>
  close(): Promise<void>
}

/** The part of node:fs/promises the atomic write uses; tests pass one that fails on purpose. */
export type AtomicWriteFs = {
  open(path: string, flags: string, mode?: number): Promise<WritableHandle>
  rename(from: string, to: string): Promise<void>
  rm(path: string, options: { readonly force: boolean }): Promise<void>
  stat(path: string): Promise<{ readonly mode: number }>
}

/**
 * A file being written beside its target. Nothing at the target changes until
 * commit; a failed write or commit, or a discard, removes the temporary file
 * and leaves any old file as it was. Calls run one after another in the order made.
 */
export type AtomicFile = {
  /** The temporary file's path, beside the target (a short name of its own: see temporary-names.ts). */
  readonly temporaryPath: string
  /** Appends bytes; on failure the temporary file is already gone when this rejects. */
  write(bytes: Uint8Array): Promise<void>
  /** Flushes to disk, renames over the target and makes the rename durable. */
  commit(): Promise<void>
  /** Drops what was written. Does nothing once committed, failed or discarded. */
  discard(): Promise<void>
}

type State = 'open' | 'committed' | 'failed' | 'discarded'

const newFileMode = 0o666

/**
 * Starts writing path so that a reader, a crash or a full disk sees either the
 * old file or the new one, never half of either: the bytes go to a temporary
 * file beside the target, are flushed to disk, and the temporary file is then
 * renamed over the target. Throws, creating nothing, if the temporary file
 * cannot be made (the folder is missing or read-only).
 *
 * With a journal, the temporary path is recorded before the file is made and
 * forgotten once it is gone, so a start after a kill can remove it
 * (SaveJournal.sweep). A link at path is replaced by the rename, not followed:
 * callers saving where a person chose resolve links first (save-target.ts).
 */
export async function openAtomicFile(
  path: string,
  fs: AtomicWriteFs = nodeFs,
  journal?: SaveJournal,
): Promise<AtomicFile> {
  const folder = dirname(path)
  const temporaryPath = temporaryPathFor(path)
  // Keep the permissions of the file being replaced.
  const mode = await fs.stat(path).then(
    (info) => info.mode & 0o777,
    () => newFileMode,
  )
  await journal?.record(temporaryPath)
  let handle: WritableHandle
  try {
    // 'wx': fail rather than write through a file or link that is already there.
    handle = await fs.open(temporaryPath, 'wx', mode)
  } catch (error) {
    await journal?.forget(temporaryPath)
    throw error
  }
  let closed = false
  let state: State = 'open'
  let position = 0
  let queue: Promise<unknown> = Promise.resolve()

  const inTurn = <T>(step: () => Promise<T>): Promise<T> => {
    const run = queue.then(step)
    queue = run.catch(() => undefined)
    return run
  }
  const mustBeOpen = () => {
    if (state !== 'open')
      throw new Error(`The temporary file for ${basename(path)} is ${state}; nothing more can be written to it.`)
  }
  const removeTemporary = async (next: State) => {
    state = next
    if (!closed) {
      closed = true
      await handle.close().catch(() => undefined)
    }
    // Forgotten only once removed: a file that would not go is removed at the next start instead.
    const gone = await fs.rm(temporaryPath, { force: true }).then(
      () => true,
      () => false,
    )
    if (gone) await journal?.forget(temporaryPath)
  }

  return {
    temporaryPath,

    write: (bytes) =>
      inTurn(async () => {
        mustBeOpen()
        try {
          // A write may take fewer bytes than asked; keep going until all are on their way to disk.
          let done = 0
          while (done < bytes.byteLength) {
            const { bytesWritten } = await handle.write(bytes, done, bytes.byteLength - done, position + done)
            if (bytesWritten <= 0) throw new Error(`The disk took no bytes of ${basename(path)}.`)
            done += bytesWritten
          }
          position += done
        } catch (error) {
          await removeTemporary('failed')
          throw error
        }
      }),

    commit: () =>
      inTurn(async () => {
        mustBeOpen()
        try {
          await handle.sync()
          // Closed before the rename, and never closed twice: a failed close has closed it too.
          closed = true
          await handle.close()
          await fs.rename(temporaryPath, path)
        } catch (error) {
          await removeTemporary('failed')
          throw error
        }
        state = 'committed'
        await syncFolder(fs, folder)
        await journal?.forget(temporaryPath)
      }),

    discard: () =>
      inTurn(async () => {
        if (state === 'open') await removeTemporary('discarded')
      }),
  }
}

/**
 * Writes bytes to path atomically (see openAtomicFile). If anything before the
 * rename fails, the temporary file is removed, the old file is untouched, and
 * the error is thrown.
 */
export async function writeFileAtomic(
  path: string,
  bytes: Uint8Array,
  fs: AtomicWriteFs = nodeFs,
  journal?: SaveJournal,
): Promise<void> {
  const file = await openAtomicFile(path, fs, journal)
  await file.write(bytes)
  await file.commit()
}

// Makes the rename itself durable. Windows cannot open a folder for this and
// some file systems refuse it; the new file is already in place by then, so a
// refusal here is not a failed save.
async function syncFolder(fs: AtomicWriteFs, folder: string): Promise<void> {
  let handle: WritableHandle | undefined
  try {
    handle = await fs.open(folder, 'r')
    await handle.sync()
  } catch {
    // Best effort; see above.
  } finally {
    await handle?.close().catch(() => undefined)
  }
}
