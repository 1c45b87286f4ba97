import type Dexie from 'dexie'
import type { ListBackupsResponse, OpenedBackupFile } from '../../../core/bridge/backups'
import type { LabBridge } from '../../../core/bridge/contract'
import type { Outcome } from '../../../core/outcome'
import { messageOf } from '../../../core/text/message-of'
import type { BackupFailure } from '../../storage/backup/backup-error'
import { beginBackupSink, type BackupTarget } from '../../storage/backup/backup-sink'
import { labReadAt } from '../../storage/backup/lab-read-at'
import { newerDataThan } from '../../storage/backup/newer-data'
import type { BackupReader } from '../../storage/backup/read-backup'
import type { ChangeWatch } from '../../storage/change-watch'
import type { BackupWritten } from '../../storage/backup/write-backup'

/** What a backup or restore under way reports: which step, and how many bytes of it are done. */
export type BackupStep = { readonly step: 'backing-up' | 'restoring'; readonly done: number; readonly total: number }

export type RunOptions = { readonly signal?: AbortSignal; readonly onProgress?: (progress: BackupStep) => void }

/** A backup opened for restoring: its checked manifest, and what the current data has that it lacks. */
export type OpenedBackup = {
  readonly reader: BackupReader
  /** Words naming what restoring would lose, or null when the current data is not newer (or cannot be opened). */
  readonly newerData: string | null
  close(): Promise<void>
}

export type BackupSource = { readonly from: 'file' } | { readonly from: 'stored'; readonly name: string }

export type BackupEnvironment = {
  readonly lab: LabBridge
  /** The database the lab uses now, or null when it cannot be opened (the recovery screen): nothing is read from it then. */
  readonly current: Dexie | null
  /** The current database's change watch: with it, a backup of it never holds the lab's edits back. */
  readonly currentChanges?: ChangeWatch
  /** A new, empty database of this name at the given schema version. */
  readonly openFresh: (name: string, version: number) => Dexie
  /** Reopens a database at this build's version, running any migrations. */
  readonly upgrade: (name: string) => Promise<Dexie>
  readonly knownVersion: number
  readonly now: () => Date
  /** Starts the window again, so start-up opens the database the ledger now names. */
  readonly reload: () => void
}

type Result<T> = Outcome<T, BackupFailure>

// The backup engine (and dexie-export-import in it) is loaded when a backup or restore first runs, not parsed at every start.
const engine = {
  write: () => import('../../storage/backup/write-backup'),
  read: () => import('../../storage/backup/read-backup'),
  restore: () => import('../../storage/backup/restore-backup'),
}

const failed = (message: string): { ok: false; problem: BackupFailure } => ({ ok: false, problem: { message } })

/** Backing up and restoring the lab's data, as the Settings page and the recovery screen offer it. */
export function createBackupActions(env: BackupEnvironment) {
  const { lab } = env

  const backUp = async (target: BackupTarget, options: RunOptions = {}): Promise<Result<BackupWritten | null>> => {
    const db = env.current
    if (db === null) return failed('The lab’s current data cannot be opened, so it cannot be backed up.')
    const createdAt = env.now()
    let sink
    try {
      sink = await beginBackupSink(lab, target, createdAt.toISOString())
    } catch (error) {
      return failed(`Could not start the backup: ${messageOf(error)}`)
    }
    if (sink === null) return { ok: true, value: null }
    const { writeBackup } = await engine.write()
    return writeBackup(db, sink, {
      reason: target.target === 'file' ? 'manual' : target.reason,
      createdAt,
      ...(env.currentChanges === undefined ? {} : { changes: env.currentChanges }),
      signal: options.signal,
      onProgress: (p) => options.onProgress?.({ step: 'backing-up', ...p }),
    })
  }

  const open = async (source: BackupSource): Promise<Result<OpenedBackup | null>> => {
    let file: OpenedBackupFile
    if (source.from === 'file') {
      const picked = await lab.backups.openFile({})
      if (!picked.ok) return failed(picked.problem.message)
      if (picked.value.canceled) return { ok: true, value: null }
      file = picked.value.file
    } else {
      const opened = await lab.backups.openStored({ name: source.name })
      if (!opened.ok) return failed(opened.problem.message)
      file = opened.value
    }
    const close = async () => void (await lab.files.closeRead({ handle: file.handle }).catch(() => undefined))
    try {
      const { openBackupReader } = await engine.read()
      const reader = await openBackupReader(
        file.name,
        file.size,
        labReadAt(lab, file.handle, file.size),
        env.knownVersion,
      )
      if (!reader.ok) {
        await close()
        return failed(reader.problem.message)
      }
      const newerData = env.current === null ? null : await newerDataThan(env.current, reader.value.manifest)
      return { ok: true, value: { reader: reader.value, newerData, close } }
    } catch (error) {
      await close()
      return failed(`Could not read the backup ${file.name}: ${messageOf(error)}. Nothing was restored.`)
    }
  }

  /**
   * Backs up the current data (when it opens), fills a fresh database from the
   * backup, makes main's ledger name it and starts the window again. The
   * database used until now is never written or deleted: it stays beside the restored one.
   */
  const restore = async (opened: OpenedBackup, options: RunOptions = {}): Promise<Result<{ database: string }>> => {
    try {
      if (env.current !== null) {
        const before = await backUp({ target: 'folder', reason: 'before-restore' }, options)
        if (!before.ok) {
          const message = before.problem.canceled
            ? 'The restore was cancelled before anything was restored. The lab’s data is unchanged.'
            : `WWA Lab backs up the current data before a restore, and that backup failed: ${before.problem.message} Nothing was restored and the lab’s data is unchanged.`
          return { ok: false, problem: { message, ...(before.problem.canceled ? { canceled: true } : {}) } }
        }
      }
      const { restoreIntoFreshDatabase } = await engine.restore()
      const restored = await restoreIntoFreshDatabase({
        reader: opened.reader,
        openFresh: env.openFresh,
        upgrade: env.upgrade,
        now: env.now,
        signal: options.signal,
        onProgress: (p) => options.onProgress?.({ step: 'restoring', ...p }),
      })
      if (!restored.ok) return restored
      const switched = await lab.ledger.switchDatabase(restored.value.ledger)
      if (!switched.ok) {
        return failed(
          `The backup was restored into a new database, but WWA Lab could not make it the lab’s data: ${switched.problem.message} The lab still uses its data as before; try the restore again.`,
        )
      }
      env.reload()
      return { ok: true, value: { database: restored.value.database } }
    } finally {
      await opened.close()
    }
  }

  return {
    list: async (): Promise<Result<ListBackupsResponse>> => {
      const listed = await lab.backups.list()
      return listed.ok ? listed : failed(listed.problem.message)
    },
    setGenerations: async (generations: number): Promise<Result<{ pruned: readonly string[] }>> => {
      const set = await lab.backups.setGenerations({ generations })
      return set.ok ? { ok: true, value: { pruned: set.value.pruned } } : failed(set.problem.message)
    },
    backUp,
    open,
    restore,
    /** Whether there is current data to back up before a restore (false on the recovery screen). */
    hasCurrentData: env.current !== null,
    now: env.now,
  }
}

export type BackupActions = ReturnType<typeof createBackupActions>
