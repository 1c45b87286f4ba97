import type Dexie from 'dexie'
import type { BackupManifest } from '../../../core/backup/manifest'
import { countOf } from '../../../core/text/plural'

/**
 * Why restoring would lose something the current database has and the backup
 * lacks, in words, or null: a change after the backup was written (by the
 * newest audit entry), or a table holding more records than the backup's.
 */
export async function newerDataThan(db: Dexie, manifest: BackupManifest): Promise<string | null> {
  const reasons: string[] = []
  if (db.tables.some((table) => table.name === 'audit')) {
    const newest = (await db.table('audit').orderBy(':id').last()) as { at?: unknown } | undefined
    if (typeof newest?.at === 'string' && newest.at > manifest.createdAt) {
      reasons.push(`its newest change was made at ${newest.at}, after the backup was written at ${manifest.createdAt}`)
    }
  }
  for (const table of db.tables) {
    const count = await table.count()
    const inBackup = manifest.counts[table.name] ?? 0
    if (count > inBackup)
      reasons.push(`its table ${table.name} holds ${countOf(count, 'record')} where the backup holds ${inBackup}`)
  }
  return reasons.length === 0 ? null : `The lab’s current data is newer than this backup: ${reasons.join('; ')}.`
}
