import type { LabBridge } from '../../core/bridge/contract'
import { knownVersion, LabDb } from '../storage/lab-db'
import { createBackupActions, type BackupActions } from '../widgets/backups/backup-actions'
import { NewestBackupOffer } from '../widgets/backups/NewestBackupOffer'
import { createAutomaticBackups, type AutomaticBackupDeps, type AutomaticBackups } from './automatic-backups'
import { backUpBeforeMigration, type BeforeMigration } from './backup-before-migration'
import type { OpenFailure } from './open-lab-db'

/** What start-up takes for backups; everything but the bridge and IndexedDB has the window's default. */
export type BackupStartOptions = {
  readonly indexedDB: IDBFactory
  readonly lab: LabBridge
  /** The lab's database of this name, as the release of `maxVersion` wrote it; `new LabDb(name)` unless given. */
  readonly labDbAt?: (name: string, maxVersion?: number) => LabDb
  /** Starts the window again after a restore; the page's reload unless given. */
  readonly reload?: () => void
  readonly now?: () => Date
  /** The timers of the daily automatic backups; the window's unless given. */
  readonly timers?: Pick<AutomaticBackupDeps, 'setInterval' | 'clearInterval'>
}

const labDbAt = (options: BackupStartOptions) =>
  options.labDbAt ??
  ((name: string, maxVersion?: number) => new LabDb(name, maxVersion === undefined ? {} : { maxVersion }))

/** Backing up and restoring over `current` (null on the recovery screen: the damaged database is not read). */
export function backupActionsOf(options: BackupStartOptions, current: LabDb | null): BackupActions {
  const open = labDbAt(options)
  return createBackupActions({
    lab: options.lab,
    current,
    ...(current === null ? {} : { currentChanges: current.changes }),
    openFresh: (name, version) => open(name, version),
    upgrade: async (name) => {
      const db = open(name)
      await db.open()
      return db
    },
    knownVersion,
    now: options.now ?? (() => new Date()),
    reload: options.reload ?? (() => window.location.reload()),
  })
}

export function beforeMigrationOf(options: BackupStartOptions): BeforeMigration {
  return backUpBeforeMigration({ lab: options.lab, indexedDB: options.indexedDB, now: options.now })
}

export function dailyBackupsOf(options: BackupStartOptions, actions: BackupActions): AutomaticBackups {
  return createAutomaticBackups({
    list: actions.list,
    backUpDaily: () => actions.backUp({ target: 'folder', reason: 'daily' }),
    now: options.now ?? (() => new Date()),
    setInterval: options.timers?.setInterval ?? ((run, ms) => window.setInterval(run, ms)),
    clearInterval: options.timers?.clearInterval ?? ((timer) => window.clearInterval(timer as number)),
  })
}

/** The recovery screen offers the newest good backup when the data is damaged or missing, not when a newer release owns it. */
export function recoveryOfferFor(options: BackupStartOptions, failure: OpenFailure) {
  return failure.kind === 'data-missing' || failure.kind === 'cannot-open' ? (
    <NewestBackupOffer actions={backupActionsOf(options, null)} />
  ) : undefined
}
