import { createHash } from 'node:crypto'
import { crc32 } from 'node:zlib'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { createBackupFileWriter } from '../../../../../core/backup/backup-file-writer'
import type { ReadAt } from '../../../../../core/backup/zip-directory'
import type { BackupSink } from '../../../../../renderer/storage/backup/backup-sink'
import { LabDb } from '../../../../../renderer/storage/lab-db'

/** A backup sink that frames the zip as main does (core's writer, Node's hashes) and keeps the bytes in memory. */
export function memorySink(name = 'test-backup.zip') {
  const pieces: Uint8Array[] = []
  let aborted = false
  const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
  const zip = createBackupFileWriter(name, {
    write: async (bytes) => void pieces.push(bytes.slice()),
    crc32: (bytes, value) => crc32(bytes, value),
    sha256Hex,
    createSha256: () => {
      const hash = createHash('sha256')
      return { update: (bytes) => void hash.update(bytes), hex: () => hash.digest('hex') }
    },
  })
  const chunks: { part: string; offset: number; size: number }[] = []
  const sink: BackupSink = {
    name,
    write: async ({ sha256, ...chunk }) => {
      chunks.push({ part: chunk.part, offset: chunk.offset, size: chunk.bytes.byteLength })
      await zip.writeChunk({ ...chunk, sha256 })
    },
    commit: async (head) => {
      const { manifest, size } = await zip.finish(head)
      return { name, path: `/tmp/${name}`, size, pruned: [], manifest }
    },
    abort: async () => {
      aborted = true
    },
  }
  return {
    sink,
    /** Every chunk the engine sent, in order. */
    chunks,
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
