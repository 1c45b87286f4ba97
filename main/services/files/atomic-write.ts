import { randomBytes } from 'node:crypto'
import * as nodeFs from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

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
  /** The temporary file's path, beside the target. */
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
 */
export async function openAtomicFile(path: string, fs: AtomicWriteFs = nodeFs): Promise<AtomicFile> {
  const folder = dirname(path)
  // Same folder, so the rename never crosses file systems; random, so two saves never share it.
  const temporaryPath = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  // Keep the permissions of the file being replaced.
  const mode = await fs.stat(path).then(
    (info) => info.mode & 0o777,
    () => newFileMode,
  )
  // 'wx': fail rather than write through a file or link that is already there.
  const handle = await fs.open(temporaryPath, 'wx', mode)
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
    await fs.rm(temporaryPath, { force: true }).catch(() => undefined)
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
export async function writeFileAtomic(path: string, bytes: Uint8Array, fs: AtomicWriteFs = nodeFs): Promise<void> {
  const file = await openAtomicFile(path, fs)
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
