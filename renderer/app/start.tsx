import { StrictMode, useEffect, useState, type ReactElement, type ReactNode } from 'react'
import type { LabBridge } from '../../core/bridge/contract'
import type { ImageProbe } from '../media/image-probe'
import type { LabDb } from '../storage/lab-db'
import { requestPersistentStorage } from '../storage/persistence'
import { mirrorJournal, type JournalStorage } from '../storage/journal-mirror'
import { createRepositories } from '../storage/repositories'
import { laterPendingEntry, pendingPrefix } from '../storage/pending-entries'
import { LongCheckContext, type LongCheck } from '../widgets/audit-trail/long-check'
import { RecordedHeadContext } from '../widgets/audit-trail/recorded-head'
import { workerLongCheck } from '../widgets/audit-trail/worker-long-check'
import { App } from './App'
import {
  backupActionsOf,
  beforeMigrationOf,
  dailyBackupsOf,
  recoveryOfferFor,
  type BackupStartOptions,
} from './backup-wiring'
import { DailyBackups } from './DailyBackups'
import { JournalWarning } from './JournalWarning'
import { LedgerWarning } from './LedgerWarning'
import { openAgainstLedger } from './open-against-ledger'
import { describeOpenError, watchForTakeover, type OpenFailure } from './open-lab-db'
import { afterFirstPaint } from './after-first-paint'
import { RecoveryScreen } from './RecoveryScreen'
import { ServicesProvider } from './services-context'
import { BackupActionsProvider } from '../widgets/backups/backup-actions-context'
import { followProfile, restoreWorkingAs } from './working-as'
import { keepLastPlace, reopenLastPlace } from './last-place'
import { parseAddress } from './route'
import { matchRoute } from './router'
import { featureOf } from './sections'
import { createWorkingAsStore } from './working-as-store'

export type StartOptions = BackupStartOptions & {
  /** The lab's database under its usual name; main's ledger may name another (after a restore). */
  readonly db: LabDb
  /** The database of another name, when the ledger names one; `new LabDb(name)` unless given. */
  readonly labDbNamed?: (name: string) => LabDb
  /** The IndexedDB the database lives in, to read its version before opening it. */
  readonly indexedDB: IDBFactory
  readonly lab: LabBridge
  readonly probeImage: ImageProbe
  readonly storage?: StorageManager
  /** Where the window keeps its copy of the result journal; localStorage unless given. */
  readonly journalStorage?: JournalStorage
  /** How long audit trails are checked; a Web Worker unless given (UI tests have none). */
  readonly longCheck?: LongCheck
  /**
   * How long after the first paint the background work of a start waits (the history
   * tables' count against the ledger, the first daily backup look), so the screen's
   * own reads go first; none unless given (the window gives backgroundDelayMs).
   */
  readonly backgroundDelayMs?: number
}

/** What the window waits before a start's background work: a screen on five years of data has painted by then. */
export const backgroundDelayMs = 2_000

/** Whether an address names a page some feature answers: "#/sessions/<id>" does, "" and "#/nowhere" do not. */
function namesPage(address: string): boolean {
  const { section, segments } = parseAddress(address)
  const feature = featureOf(section)
  return feature !== undefined && matchRoute(feature.routes, segments) !== undefined
}

/** Opens the lab's data and gives what the window shows: the app, or the recovery screen when the data cannot be opened. */
export async function start(options: StartOptions): Promise<ReactElement> {
  // The ledger first: a database that lost data is never opened as if it were whole.
  const opened = await openAgainstLedger({ ...options, beforeMigration: beforeMigrationOf(options) })
  if (!opened.ok)
    return <RecoveryScreen failure={opened.failure} newestBackup={recoveryOfferFor(options, opened.failure)} />
  const { db, keeper, laterCheck, verdict } = opened
  // Nothing is recorded in the ledger before the history tables are counted against it (laterCheck), but on a first start.
  const recording = { checked: verdict.kind === 'fresh', waiting: false }
  const workingAs = createWorkingAsStore()
  // Before any session opens: what main's journal kept of a killed window joins this window's copy.
  const journal = await mirrorJournal(options.lab.journal, options.journalStorage ?? globalThis.localStorage, {
    prefix: pendingPrefix,
    later: laterPendingEntry,
  })
  const repos = createRepositories(db, {
    probeImage: options.probeImage,
    journalStorage: journal.storage,
    actor: workingAs.current,
    committed: () => {
      if (recording.checked) keeper.written()
      else recording.waiting = true
    },
  })
  const checkLater = async (): Promise<OpenFailure | undefined> => {
    const mismatch = await laterCheck()
    if (mismatch) return { kind: 'data-missing', mismatch }
    recording.checked = true
    if (recording.waiting) keeper.written()
    return undefined
  }
  const [persistence] = await Promise.all([
    requestPersistentStorage(options.storage),
    restoreWorkingAs(repos, workingAs),
    reopenLastPlace(repos.settings, namesPage),
  ])
  // For the window's life: where it is, so the next start opens there again.
  keepLastPlace(repos.settings, namesPage)
  // For the window's life: who is working follows the lab profile, whichever screen changes it.
  followProfile(repos, workingAs)
  const backups = backupActionsOf(options, db)
  const daily = dailyBackupsOf(options, backups)
  return (
    <StrictMode>
      <WhileOpen
        db={db}
        checkLater={checkLater}
        delayMs={options.backgroundDelayMs ?? 0}
        offerFor={(failure) => recoveryOfferFor(options, failure)}
      >
        <ServicesProvider services={{ repos, workingAs, lab: options.lab, persistence }}>
          <LongCheckContext.Provider value={options.longCheck ?? workerLongCheck(db.name)}>
            <RecordedHeadContext.Provider value={() => keeper.recordedHead()}>
              <BackupActionsProvider actions={backups}>
                <LedgerWarning keeper={keeper} />
                <JournalWarning journal={journal} />
                <DailyBackups backups={daily} delayMs={options.backgroundDelayMs ?? 0} />
                <App />
              </BackupActionsProvider>
            </RecordedHeadContext.Provider>
          </LongCheckContext.Provider>
        </ServicesProvider>
      </WhileOpen>
    </StrictMode>
  )
}

type WhileOpenProps = {
  readonly db: LabDb
  /** What start-up checks once the window shows; a failure it finds replaces the app. */
  readonly checkLater: () => Promise<OpenFailure | undefined>
  /** After the first paint, before the check. */
  readonly delayMs: number
  readonly offerFor: (failure: OpenFailure) => ReactNode
  readonly children: ReactNode
}

/**
 * The app while this window holds the database; the recovery screen once another
 * copy takes it over, or once the check made after the first paint finds data missing.
 */
function WhileOpen({ db, checkLater, delayMs, offerFor, children }: WhileOpenProps) {
  const [lost, setLost] = useState<OpenFailure | null>(null)
  useEffect(() => watchForTakeover(db, () => setLost({ kind: 'taken-over' })), [db])
  useEffect(() => {
    let live = true
    const cancel = afterFirstPaint(() => {
      void checkLater()
        .catch((error: unknown) => describeOpenError(error))
        .then((failure) => {
          if (!failure || !live) return
          // Let go at once: nothing more is written into a database that lost data.
          db.close({ disableAutoOpen: true })
          setLost((already) => already ?? failure)
        })
    }, delayMs)
    return () => {
      live = false
      cancel()
    }
  }, [db, checkLater, delayMs])
  return lost ? <RecoveryScreen failure={lost} newestBackup={offerFor(lost)} /> : <>{children}</>
}
