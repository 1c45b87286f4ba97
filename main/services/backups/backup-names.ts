import type { BackupReason } from '../../../core/backup/manifest'

/**
 * Automatic backups are named by when they were made and why, so the folder
 * sorts oldest to newest by name and a person can tell them apart:
 * wwa-lab-backup-2025-03-01T09-30-00-000Z-daily.zip.
 */
const automaticName =
  /^wwa-lab-backup-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-(daily|before-migration|before-restore)\.zip$/

export function automaticBackupName(createdAt: Date, reason: Exclude<BackupReason, 'manual'>): string {
  return `wwa-lab-backup-${createdAt.toISOString().replace(/[:.]/g, '-')}-${reason}.zip`
}

/** Whether name is one main gave an automatic backup: the only files pruning may remove. */
export function isAutomaticBackupName(name: string): boolean {
  return automaticName.test(name)
}
