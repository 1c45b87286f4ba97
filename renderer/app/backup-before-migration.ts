import Dexie from 'dexie'
import type { LabBridge } from '../../core/bridge/contract'
import type { Outcome } from '../../core/outcome'
import { messageOf } from '../../core/text/message-of'
import type { BackupFailure } from '../storage/backup/backup-error'
import { beginBackupSink } from '../storage/backup/backup-sink'

/** Writes an automatic backup of the database `name` as it is, before it is upgraded from one schema version to another. */
export type BeforeMigration = (name: string, from: number, to: number) => Promise<Outcome<void, BackupFailure>>

export type BeforeMigrationDeps = {
  readonly lab: LabBridge
  readonly indexedDB?: IDBFactory
  readonly IDBKeyRange?: typeof IDBKeyRange
  readonly now?: () => Date
}

/**
 * The backup before a migration: the database is opened without a schema
 * (Dexie's dynamic mode opens it at the version it has, adding nothing and
 * upgrading nothing), written whole to main's backup folder, and closed before
 * the upgrade runs.
 */
export function backUpBeforeMigration(deps: BeforeMigrationDeps): BeforeMigration {
  return async (name) => {
    const db = new Dexie(name, {
      ...(deps.indexedDB ? { indexedDB: deps.indexedDB } : {}),
      ...(deps.IDBKeyRange ? { IDBKeyRange: deps.IDBKeyRange } : {}),
    })
    try {
      await db.open()
      const createdAt = (deps.now ?? (() => new Date()))()
      const sink = await beginBackupSink(
        deps.lab,
        { target: 'folder', reason: 'before-migration' },
        createdAt.toISOString(),
      )
      if (sink === null) return { ok: false, problem: { message: 'main did not start the backup.' } }
      // Loaded only when a migration is due: the backup engine is not part of every start's script.
      const { writeBackup } = await import('../storage/backup/write-backup')
      const written = await writeBackup(db, sink, { reason: 'before-migration', createdAt })
      return written.ok ? { ok: true, value: undefined } : written
    } catch (error) {
      return { ok: false, problem: { message: messageOf(error) } }
    } finally {
      db.close()
    }
  }
}
