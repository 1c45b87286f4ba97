import type { Outcome } from '../outcome'
import { backupRefusal, checkManifest, manifestName, type BackupManifest, type BackupProblem } from './manifest'
import { dataOffsetOf, readZipDirectory, type ReadAt, type ZipEntry } from './zip-directory'

/** Largest manifest read: a list of a few hundred thousand parts. Anything bigger is not one of ours. */
export const maxManifestBytes = 64 * 1024 * 1024

export type OpenedBackup = {
  readonly manifest: BackupManifest
  readonly entries: ReadonlyMap<string, ZipEntry>
}

/**
 * Reads and checks a backup's directory and manifest by range (main lists the
 * folder with it; the renderer checks a file before restoring). Promises a
 * manifest this build can restore, whose every part is an entry of the file
 * with the size the manifest gives; the parts' hashes are checked by the reader that reads them.
 */
export async function readBackupManifest(
  fileName: string,
  size: number,
  readAt: ReadAt,
  knownSchemaVersion: number,
): Promise<Outcome<OpenedBackup, BackupProblem>> {
  const directory = await readZipDirectory(fileName, size, readAt)
  if (!directory.ok) return directory
  const entries = directory.value
  const entry = entries.get(manifestName)
  if (entry === undefined)
    return backupRefusal('not-a-backup', `${fileName} is not a WWA Lab backup: it has no ${manifestName}.`)
  if (entry.method !== 0 || entry.size !== entry.compressedSize || entry.size > maxManifestBytes) {
    return backupRefusal('damaged', `${fileName} is damaged: its ${manifestName} is not stored as WWA Lab writes it.`)
  }
  const start = await dataOffsetOf(fileName, entry, readAt)
  if (!start.ok) return start
  const bytes = await readAt(start.value, entry.size)
  let parsed: unknown
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return backupRefusal('damaged', `${fileName} is damaged: its ${manifestName} is not readable JSON.`)
  }
  const checked = checkManifest(fileName, parsed, knownSchemaVersion)
  if (!checked.ok) return checked
  for (const part of checked.value.parts) {
    const found = entries.get(part.name)
    if (found === undefined)
      return backupRefusal('damaged', `${fileName} is damaged: the part ${part.name} is missing.`)
    const stored = found.method === 0
    if ((stored && found.compressedSize !== part.size) || found.size !== part.size) {
      return backupRefusal(
        'damaged',
        `${fileName} is damaged: the part ${part.name} holds ${found.size.toLocaleString('en-US')} bytes where the manifest says ${part.size.toLocaleString('en-US')}.`,
      )
    }
  }
  return { ok: true, value: { manifest: checked.value, entries } }
}
