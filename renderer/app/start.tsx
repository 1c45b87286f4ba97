import { StrictMode, useEffect, useState, type ReactElement, type ReactNode } from 'react'
import type { LabBridge } from '../../core/bridge/contract'
import type { ImageProbe } from '../media/image-probe'
import type { LabDb } from '../storage/lab-db'
import { requestPersistentStorage } from '../storage/persistence'
import { createRepositories } from '../storage/repositories'
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
import { LedgerWarning } from './LedgerWarning'
import { openAgainstLedger } from './open-against-ledger'
import { watchForTakeover } from './open-lab-db'
import { RecoveryScreen } from './RecoveryScreen'
import { ServicesProvider } from './services-context'
import { BackupActionsProvider } from '../widgets/backups/backup-actions-context'
import { followProfile, restoreWorkingAs } from './working-as'
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
  /** How long audit trails are checked; a Web Worker unless given (UI tests have none). */
  readonly longCheck?: LongCheck
}

/** Opens the lab's data and gives what the window shows: the app, or the recovery screen when the data cannot be opened. */
export async function start(options: StartOptions): Promise<ReactElement> {
  // The ledger first: a database that lost data is never opened as if it were whole.
  const opened = await openAgainstLedger({ ...options, beforeMigration: beforeMigrationOf(options) })
  if (!opened.ok)
    return <RecoveryScreen failure={opened.failure} newestBackup={recoveryOfferFor(options, opened.failure)} />
  const { db, keeper } = opened
  const workingAs = createWorkingAsStore()
  const repos = createRepositories(db, {
    probeImage: options.probeImage,
    actor: workingAs.current,
    committed: () => keeper.written(),
  })
  const [persistence] = await Promise.all([
    requestPersistentStorage(options.storage),
    restoreWorkingAs(repos, workingAs),
  ])
  // For the window's life: who is working follows the lab profile, whichever screen changes it.
  followProfile(repos, workingAs)
  const backups = backupActionsOf(options, db)
  const daily = dailyBackupsOf(options, backups)
  return (
    <StrictMode>
      <WhileOpen db={db}>
        <ServicesProvider services={{ repos, workingAs, lab: options.lab, persistence }}>
          <LongCheckContext.Provider value={options.longCheck ?? workerLongCheck(db.name)}>
            <RecordedHeadContext.Provider value={() => keeper.recordedHead()}>
              <BackupActionsProvider actions={backups}>
                <LedgerWarning keeper={keeper} />
                <DailyBackups backups={daily} />
                <App />
              </BackupActionsProvider>
            </RecordedHeadContext.Provider>
          </LongCheckContext.Provider>
        </ServicesProvider>
      </WhileOpen>
    </StrictMode>
  )
}

/** The app while this window holds the database; the recovery screen once another copy takes it over. */
function WhileOpen({ db, children }: { db: LabDb; children: ReactNode }) {
  const [lost, setLost] = useState(false)
  useEffect(() => watchForTakeover(db, () => setLost(true)), [db])
  return lost ? <RecoveryScreen failure={{ kind: 'taken-over' }} /> : <>{children}</>
}
