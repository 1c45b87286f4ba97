import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { LabDb } from '../../renderer/storage/lab-db'

/** A database on a fresh in-memory IndexedDB, so no test sees another's rows. */
export function freshLabDb(options: { maxVersion?: number; factory?: IDBFactory } = {}): LabDb {
  return new LabDb('wwa-lab-test', {
    indexedDB: options.factory ?? new IDBFactory(),
    IDBKeyRange,
    ...(options.maxVersion !== undefined ? { maxVersion: options.maxVersion } : {}),
  })
}
