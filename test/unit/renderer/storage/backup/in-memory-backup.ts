import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import type { ReadAt } from '../../../../../core/backup/zip-directory'
import type { BackupSink } from '../../../../../renderer/storage/backup/backup-sink'
import { LabDb } from '../../../../../renderer/storage/lab-db'

/** A backup sink that keeps the bytes in memory, as main would write them to disk. */
export function memorySink(name = 'test-backup.zip') {
  const pieces: Uint8Array[] = []
  let aborted = false
  const sink: BackupSink = {
    name,
    write: async (bytes) => void pieces.push(bytes.slice()),
    commit: async () => ({
      name,
      path: `/tmp/${name}`,
      size: pieces.reduce((n, p) => n + p.byteLength, 0),
      pruned: [],
    }),
    abort: async () => {
      aborted = true
    },
  }
  return {
    sink,
    get aborted() {
      return aborted
    },
    bytes(): Uint8Array<ArrayBuffer> {
      const all = new Uint8Array(pieces.reduce((n, p) => n + p.byteLength, 0))
      let at = 0
      for (const piece of pieces) {
        all.set(piece, at)
        at += piece.byteLength
      }
      return all
    },
  }
}

/** Reads a backup held in memory by range, as files.readRange would. */
export const readAtOf =
  (bytes: Uint8Array): ReadAt =>
  async (offset, length) =>
    bytes.slice(offset, Math.min(bytes.byteLength, offset + length))

/** Databases on one fake IndexedDB, as one browser profile holds them. */
export function profile() {
  const factory = new IDBFactory()
  const open = (name: string, maxVersion?: number) =>
    new LabDb(name, { indexedDB: factory, IDBKeyRange, ...(maxVersion !== undefined ? { maxVersion } : {}) })
  return {
    factory,
    open,
    openFresh: (name: string, version: number) => open(name, version),
    upgrade: async (name: string) => {
      const db = open(name)
      await db.open()
      return db
    },
  }
}
