import { StrictMode, type ReactElement } from 'react'
import type { LabBridge } from '../../core/bridge/contract'
import type { ImageProbe } from '../media/image-probe'
import type { LabDb } from '../storage/lab-db'
import { requestPersistentStorage } from '../storage/persistence'
import { createRepositories } from '../storage/repositories'
import { App } from './App'
import { openLabDb } from './open-lab-db'
import { RecoveryScreen } from './RecoveryScreen'
import { ServicesProvider } from './services-context'
import { restoreWorkingAs } from './working-as'
import { createWorkingAsStore } from './working-as-store'

export type StartOptions = {
  readonly db: LabDb
  /** The IndexedDB the database lives in, to read its version before opening it. */
  readonly indexedDB: IDBFactory
  readonly lab: LabBridge
  readonly probeImage: ImageProbe
  readonly storage?: StorageManager
}

/** Opens the lab's data and gives what the window shows: the app, or the recovery screen when the data cannot be opened. */
export async function start(options: StartOptions): Promise<ReactElement> {
  const failure = await openLabDb(options.db, options.indexedDB)
  if (failure) return <RecoveryScreen failure={failure} />
  const workingAs = createWorkingAsStore()
  const repos = createRepositories(options.db, { probeImage: options.probeImage, actor: workingAs.current })
  const [persistence] = await Promise.all([requestPersistentStorage(options.storage), restoreWorkingAs(repos, workingAs)])
  return (
    <StrictMode>
      <ServicesProvider services={{ repos, workingAs, lab: options.lab, persistence }}>
        <App />
      </ServicesProvider>
    </StrictMode>
  )
}
