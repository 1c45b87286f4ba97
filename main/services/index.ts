import { join } from 'node:path'
import type { AppInfo } from '../../core/bridge/contract'
import type { Handlers } from '../ipc/dispatcher'
import { createBackupService } from './backups/backups-service'
import { writeFileAtomic, type AtomicWriteFs } from './files/atomic-write'
import type { Dialogs } from './files/dialogs'
import { createFileService, type FileLimits } from './files/files'
import { createReadHandles, type ReadHandleLimits } from './files/read-handles'
import { createSaveJournal, type SweepReport } from './files/save-journal'
import { createSaveSessions, type SaveLimits } from './files/save-sessions'
import { createJournalService } from './journal/journal-service'
import { createLedgerService } from './ledger/ledger-service'

export type ServiceDeps = {
  readonly dialogs: Dialogs
  readonly appInfo: AppInfo
  /**
   * The folder main keeps its own files in (Electron's userData; a test's temp folder):
   * what must outlive a damaged or deleted IndexedDB is written here, never by the renderer.
   */
  readonly userDataDir: string
  readonly limits?: Partial<FileLimits>
  readonly readLimits?: Partial<ReadHandleLimits>
  readonly saveLimits?: Partial<SaveLimits>
  /** The file system chunked saves write through; tests pass one that fails on purpose. */
  readonly saveFs?: AtomicWriteFs
}

export type Services = {
  /** One handler per channel, for createDispatcher. */
  readonly handlers: Handlers
  /**
   * Aborts every save under way and closes every read handle. Main calls it when
   * the window's page reloads or its renderer goes away: nothing will send the
   * rest of those files, and their temporary files must not stay on disk.
   */
  abandonTransfers(): Promise<void>
  /** The start-up removal of temporary files that saves interrupted by a kill left; saves wait for it. */
  readonly leftoversSwept: Promise<SweepReport>
}

/**
 * Every channel's service, wired from plain dependencies. The app passes
 * Electron's dialogs; the end-to-end harness passes its own and runs these same
 * services behind the same dispatcher.
 */
export function createServices(deps: ServiceDeps): Services {
  const reads = createReadHandles(deps.readLimits)
  const journal = createSaveJournal(join(deps.userDataDir, 'saves-in-progress'))
  const leftoversSwept = journal.sweep()
  // Never an unhandled rejection: a sweep that fails leaves files for the next start, and saves go on.
  leftoversSwept.catch(() => undefined)
  const files = createFileService({
    dialogs: deps.dialogs,
    limits: deps.limits,
    reads,
    writeFile: (path, bytes) => writeFileAtomic(path, bytes, undefined, journal),
  })
  const ledger = createLedgerService({ userDataDir: deps.userDataDir })
  const pending = createJournalService({ userDataDir: deps.userDataDir, saves: journal })
  const saves = createSaveSessions({ dialogs: deps.dialogs, limits: deps.saveLimits, fs: deps.saveFs, journal })
  const backups = createBackupService({
    dialogs: deps.dialogs,
    userDataDir: deps.userDataDir,
    reads,
    fs: deps.saveFs,
    journal,
  })
  return {
    handlers: {
      'app.info': async () => deps.appInfo,
      'files.open': (request) => files.open(request),
      'files.readRange': (request) => reads.read(request),
      'files.closeRead': (request) => reads.close(request),
      'files.saveAs': (request) => files.saveAs(request),
      'files.beginSave': (request) => saves.begin(request),
      'files.writeChunk': (request) => saves.write(request),
      'files.commitSave': (request) => saves.commit(request),
      'files.abortSave': (request) => saves.abort(request),
      'backups.list': () => backups.list(undefined),
      'backups.begin': (request) => backups.begin(request),
      'backups.writeChunk': (request) => backups.write(request),
      'backups.commit': (request) => backups.commit(request),
      'backups.abort': (request) => backups.abort(request),
      'backups.openFile': (request) => backups.openFile(request),
      'backups.openStored': (request) => backups.openStored(request),
      'backups.setGenerations': (request) => backups.setGenerations(request),
      'ledger.read': () => ledger.read(),
      'ledger.record': (request) => ledger.record(request),
      'ledger.switchDatabase': (request) => ledger.switchDatabase(request),
      'journal.read': () => pending.read(),
      'journal.write': (request) => pending.write(request),
    },
    async abandonTransfers() {
      await Promise.all([saves.abortAll(), reads.closeAll(), backups.abortAll()])
    },
    leftoversSwept,
  }
}

export type { Dialogs } from './files/dialogs'
export type { FileLimits } from './files/files'
export type { ReadHandleLimits } from './files/read-handles'
export type { SaveLimits } from './files/save-sessions'
