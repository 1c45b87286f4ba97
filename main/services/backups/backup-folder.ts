import * as fs from 'node:fs/promises'
import { join } from 'node:path'
import { summaryOf } from '../../../core/backup/manifest'
import { readBackupManifest } from '../../../core/backup/read-manifest'
import type { StoredBackup } from '../../../core/bridge/backups'
import { messageOf } from '../../../core/text/message-of'
import { isAutomaticBackupName } from './backup-names'

/** Reads length bytes at offset of an open file: the range reader core's manifest check uses. */
export function readerOf(handle: fs.FileHandle) {
  return async (offset: number, length: number): Promise<Uint8Array<ArrayBuffer>> => {
    const bytes = new Uint8Array(length)
    let filled = 0
    while (filled < length) {
      const { bytesRead } = await handle.read(bytes, filled, length - filled, offset + filled)
      if (bytesRead === 0) break
      filled += bytesRead
    }
    return bytes.subarray(0, filled)
  }
}

/** Main lists every backup whatever its schema; the renderer refuses one it cannot restore when it opens it. */
const anySchema = Number.MAX_SAFE_INTEGER

/** One backup file with its manifest summary, or why it cannot be restored; main holds only its directory and manifest. */
export async function describeBackup(folder: string, name: string): Promise<StoredBackup> {
  const path = join(folder, name)
  const handle = await fs.open(path, 'r')
  try {
    const info = await handle.stat()
    const base = { name, size: info.size, modifiedAt: info.mtime.toISOString() }
    const opened = await readBackupManifest(name, info.size, readerOf(handle), anySchema).catch((error: unknown) => ({
      ok: false as const,
      problem: { message: `${name} could not be read: ${messageOf(error)}` },
    }))
    return opened.ok
      ? { ...base, summary: summaryOf(opened.value.manifest), problem: null }
      : { ...base, summary: null, problem: opened.problem.message }
  } finally {
    await handle.close()
  }
}

/** The backups in the folder, newest first (by the time they say they were made, else by the file's time). */
export async function listBackups(folder: string): Promise<StoredBackup[]> {
  let names: string[]
  try {
    names = (await fs.readdir(folder, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && entry.name.endsWith('.zip') && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return []
    throw error
  }
  const found = await Promise.all(names.map((name) => describeBackup(folder, name).catch(() => null)))
  const when = (backup: StoredBackup) => backup.summary?.createdAt ?? backup.modifiedAt
  return found
    .filter((backup): backup is StoredBackup => backup !== null)
    .sort((a, b) => (when(a) < when(b) ? 1 : when(a) > when(b) ? -1 : b.name.localeCompare(a.name)))
}

/**
 * Removes the oldest automatic backups beyond `keep` good ones. Only files main
 * named as automatic backups are touched, a damaged one never counts as a
 * generation kept, and the newest good backup is never removed. Returns the names removed.
 */
export async function pruneBackups(folder: string, keep: number): Promise<string[]> {
  const automatic = (await listBackups(folder)).filter((backup) => isAutomaticBackupName(backup.name))
  const good = automatic.filter((backup) => backup.summary !== null)
  const beyond = good.slice(Math.max(1, keep))
  const removed: string[] = []
  for (const backup of beyond) {
    await fs.rm(join(folder, backup.name), { force: true })
    removed.push(backup.name)
  }
  return removed
}
