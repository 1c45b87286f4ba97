import type { BackupReason } from '../../../core/backup/manifest'
import type { ListBackupsResponse, StoredBackup } from '../../../core/bridge/backups'
import { assertNever } from '../../../core/assert-never'
import { countOf } from '../../../core/text/plural'

export function reasonInWords(reason: BackupReason): string {
  switch (reason) {
    case 'daily':
      return 'daily automatic backup'
    case 'before-migration':
      return 'automatic backup before a storage upgrade'
    case 'before-restore':
      return 'automatic backup before a restore'
    case 'manual':
      return 'backup made with Back up now'
    default:
      return assertNever(reason)
  }
}

/** "1,204 records, 3 of them files": what a backup holds, from its manifest's counts. */
export function countsInWords(counts: Readonly<Record<string, number>>): string {
  const records = Object.values(counts).reduce((sum, n) => sum + n, 0)
  const files = counts['files'] ?? 0
  return files === 0
    ? countOf(records, 'record')
    : `${countOf(records, 'record')}, ${countOf(files, 'file')} among them`
}

export type LastBackup = { readonly at: Date; readonly what: string; readonly where: string }

/** The newest backup of either kind: the newest good one in main's folder, or the last one made with Back up now. */
export function lastBackupOf(listing: ListBackupsResponse): LastBackup | null {
  const stored = newestGoodBackup(listing.backups)
  const candidates: LastBackup[] = []
  if (stored?.summary)
    candidates.push({
      at: new Date(stored.summary.createdAt),
      what: reasonInWords(stored.summary.reason),
      where: stored.name,
    })
  if (listing.lastManual)
    candidates.push({
      at: new Date(listing.lastManual.createdAt),
      what: reasonInWords('manual'),
      where: listing.lastManual.path,
    })
  return candidates.sort((a, b) => b.at.getTime() - a.at.getTime())[0] ?? null
}

/** The newest backup in main's folder that reads as a good one (main lists them newest first). */
export function newestGoodBackup(backups: readonly StoredBackup[]): StoredBackup | undefined {
  return backups
    .filter((b) => b.problem === null && b.summary !== null)
    .sort((a, b) =>
      b.summary!.createdAt > a.summary!.createdAt ? 1 : b.summary!.createdAt < a.summary!.createdAt ? -1 : 0,
    )[0]
}
