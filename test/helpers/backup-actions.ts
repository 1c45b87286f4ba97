import { IDBKeyRange } from 'fake-indexeddb'
import type { LabBridge } from '../../core/bridge/contract'
import { knownVersion, LabDb } from '../../renderer/storage/lab-db'
import { createBackupActions, type BackupEnvironment } from '../../renderer/widgets/backups/backup-actions'

/** Databases of any name on the fake IndexedDB `db` lives in, as one browser profile holds them. */
export function siblingsOf(factory: IDBFactory) {
  const open = (name: string, maxVersion?: number) =>
    new LabDb(name, { indexedDB: factory, IDBKeyRange, ...(maxVersion !== undefined ? { maxVersion } : {}) })
  return {
    open,
    openFresh: (name: string, version: number) => open(name, version),
    upgrade: async (name: string) => {
      const db = open(name)
      await db.open()
      return db
    },
  }
}

/** Backup actions over `db` (null: as on the recovery screen) and `lab`, with the window's reload replaced. */
export function backupActionsOver(
  db: LabDb | null,
  lab: LabBridge,
  factory: IDBFactory,
  over: Partial<BackupEnvironment> = {},
) {
  const { openFresh, upgrade } = siblingsOf(factory)
  return createBackupActions({
    lab,
    current: db,
    openFresh,
    upgrade,
    knownVersion,
    now: () => new Date(),
    reload: () => undefined,
    ...over,
  })
}
