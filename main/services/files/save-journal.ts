import * as nodeFs from 'node:fs/promises'
import { basename, isAbsolute, join } from 'node:path'
import { describeFsError } from './describe-fs-error'
import { isTemporaryName } from './temporary-names'

/**
 * Which temporary files of atomic saves may still be on disk. A save records
 * its temporary path here, durably, before it creates the file, and forgets it
 * only once the file is gone (renamed over its target, or removed); so after a
 * kill or a power cut the next start knows exactly which files are its own.
 */
export type SaveJournal = {
  /** Call before creating the temporary file: once this resolves, a crash leaves a record of it. */
  record(temporaryPath: string): Promise<void>
  /** Call once the temporary file no longer exists. */
  forget(temporaryPath: string): Promise<void>
  /** Removes the temporary files of saves an earlier run never finished; run once, at start. Records wait for it. */
  sweep(): Promise<SweepReport>
}

export type SweepReport = {
  /** Temporary files removed. */
  readonly removed: readonly string[]
  /** Temporary files that could not be removed, with the reason; the next start tries again. */
  readonly kept: readonly { readonly path: string; readonly reason: string }[]
}

type Entry = { readonly temporaryPath: string; readonly startedAt: string }

const recordSuffix = '.json'

/** A journal kept as one small file per save in `folder` (in main's user-data folder), so saves never contend for one file. */
export function createSaveJournal(folder: string, now: () => Date = () => new Date()): SaveJournal {
  const recordPath = (temporaryPath: string) => join(folder, `${basename(temporaryPath).slice(1)}${recordSuffix}`)
  // A save recorded while the sweep reads the folder would be swept as a leftover: records wait for it.
  let sweeping: Promise<unknown> = Promise.resolve()

  const sweep = async (): Promise<SweepReport> => {
    const removed: string[] = []
    const kept: { path: string; reason: string }[] = []
    let names: string[]
    try {
      names = await nodeFs.readdir(folder)
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return { removed, kept }
      throw error
    }
    for (const name of names.filter((each) => each.endsWith(recordSuffix)).sort()) {
      const record = join(folder, name)
      const temporaryPath = await readEntry(record)
      if (temporaryPath !== undefined) {
        const outcome = await removeIfOurs(temporaryPath)
        if (outcome === 'removed') removed.push(temporaryPath)
        else if (outcome !== 'absent') {
          kept.push({ path: temporaryPath, reason: outcome.reason })
          continue
        }
      }
      await nodeFs.rm(record, { force: true }).catch(() => undefined)
    }
    return { removed, kept }
  }

  return {
    async record(temporaryPath) {
      if (!isTemporaryName(temporaryPath) || !isAbsolute(temporaryPath))
        throw new Error(`${temporaryPath} is not a temporary path of an atomic save.`)
      await sweeping
      await nodeFs.mkdir(folder, { recursive: true })
      const entry: Entry = { temporaryPath, startedAt: now().toISOString() }
      const handle = await nodeFs.open(recordPath(temporaryPath), 'wx')
      try {
        await handle.writeFile(JSON.stringify(entry))
        await handle.sync()
      } finally {
        await handle.close()
      }
      await syncFolder(folder)
    },

    async forget(temporaryPath) {
      // Best effort: a record left behind names a file that is gone, which the sweep only forgets.
      await nodeFs.rm(recordPath(temporaryPath), { force: true }).catch(() => undefined)
    },

    sweep() {
      const run = sweep()
      sweeping = run.catch(() => undefined)
      return run
    },
  }
}

/**
 * The temporary path a record names, or undefined for a record that is torn
 * (the crash came while it was written, so before its file was made) or names
 * something that is not one of our temporary files: that is never removed.
 */
async function readEntry(record: string): Promise<string | undefined> {
  try {
    const parsed: unknown = JSON.parse(await nodeFs.readFile(record, 'utf8'))
    if (typeof parsed !== 'object' || parsed === null || !('temporaryPath' in parsed)) return undefined
    const { temporaryPath } = parsed
    if (typeof temporaryPath !== 'string' || !isAbsolute(temporaryPath) || !isTemporaryName(temporaryPath))
      return undefined
    return temporaryPath
  } catch {
    return undefined
  }
}

/** Removes a regular file at path; a link or folder that has taken the name since is not ours and stays. */
async function removeIfOurs(path: string): Promise<'removed' | 'absent' | { readonly reason: string }> {
  try {
    const info = await nodeFs.lstat(path)
    if (!info.isFile()) return 'absent'
    await nodeFs.rm(path)
    return 'removed'
  } catch (error) {
    if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') return 'absent'
    return { reason: describeFsError(error) }
  }
}

const codeOf = (error: unknown): string =>
  typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : ''

// Makes the record's name durable before the temporary file exists. Windows
// cannot open a folder for this; there the record is as durable as NTFS makes it.
async function syncFolder(folder: string): Promise<void> {
  let handle: nodeFs.FileHandle | undefined
  try {
    handle = await nodeFs.open(folder, 'r')
    await handle.sync()
  } catch {
    // Best effort; see above.
  } finally {
    await handle?.close().catch(() => undefined)
  }
}
