import { randomBytes } from 'node:crypto'
import * as nodeFs from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** The part of a file handle the atomic write uses. */
export type WritableHandle = {
  writeFile(data: Uint8Array): Promise<void>
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

const newFileMode = 0o666

/**
 * Writes bytes to path so that a reader, a crash or a full disk sees either the
 * old file or the new one, never half of either: the bytes go to a temporary
 * file beside the target, are flushed to disk, and the temporary file is then
 * renamed over the target. If anything before the rename fails, the temporary
 * file is removed, the old file is untouched, and the error is thrown.
 */
export async function writeFileAtomic(path: string, bytes: Uint8Array, fs: AtomicWriteFs = nodeFs): Promise<void> {
  const folder = dirname(path)
  // Same folder, so the rename never crosses file systems; random, so two saves never share it.
  const temporary = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`)
  // Keep the permissions of the file being replaced.
  const mode = await fs.stat(path).then(
    (info) => info.mode & 0o777,
    () => newFileMode,
  )

  let handle: WritableHandle | undefined
  try {
    // 'wx': fail rather than write through a file or link that is already there.
    handle = await fs.open(temporary, 'wx', mode)
    await handle.writeFile(bytes)
    await handle.sync()
    const opened = handle
    handle = undefined
    await opened.close()
    await fs.rename(temporary, path)
  } catch (error) {
    await handle?.close().catch(() => undefined)
    await fs.rm(temporary, { force: true }).catch(() => undefined)
    throw error
  }
  await syncFolder(fs, folder)
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
