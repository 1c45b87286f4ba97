import type { z } from 'zod'
import type { ManifestHead } from '../../../core/backup/backup-file-writer'
import type { BackupManifest, BackupReason } from '../../../core/backup/manifest'
import type { WriteBackupChunkRequest } from '../../../core/bridge/backups'
import type { LabBridge } from '../../../core/bridge/contract'
import { BackupError } from './backup-error'

export type BackupTarget =
  | { readonly target: 'folder'; readonly reason: Exclude<BackupReason, 'manual'> }
  | { readonly target: 'file'; readonly suggestedName: string }

export type WrittenBackup = {
  readonly name: string
  readonly path: string
  readonly size: number
  readonly pruned: readonly string[]
  readonly manifest: BackupManifest
}

/** One piece of one part, as main's backups.writeChunk takes it. */
export type BackupSinkChunk = Omit<z.input<typeof WriteBackupChunkRequest>, 'saveId'>

/**
 * Where a backup's parts go: main's backups.* save session, which frames the
 * zip and writes the manifest from the parts it received.
 */
export type BackupSink = {
  readonly name: string
  write(chunk: BackupSinkChunk): Promise<void>
  commit(head: ManifestHead): Promise<WrittenBackup>
  abort(): Promise<void>
}

/**
 * Starts a backup file in main: into its backup folder, or where the person
 * picks (null when they close the dialog).
 */
export async function beginBackupSink(
  lab: LabBridge,
  target: BackupTarget,
  createdAt: string,
): Promise<BackupSink | null> {
  const begun = await lab.backups.begin({ ...target, createdAt })
  if (!begun.ok) throw new BackupError(begun.problem.message)
  if (begun.value.canceled) return null
  const { saveId, name } = begun.value
  return {
    name,
    async write(chunk) {
      const reply = await lab.backups.writeChunk({ saveId, ...chunk })
      if (!reply.ok) throw new BackupError(reply.problem.message)
    },
    async commit(manifest) {
      const reply = await lab.backups.commit({ saveId, manifest })
      if (!reply.ok) throw new BackupError(reply.problem.message)
      return reply.value
    },
    async abort() {
      await lab.backups.abort({ saveId }).catch(() => undefined)
    },
  }
}
