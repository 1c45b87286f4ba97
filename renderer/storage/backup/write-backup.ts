import Dexie from 'dexie'
import { exportDB } from 'dexie-export-import'
import { changesPartName, recordsPartName, type BackupReason } from '../../../core/backup/manifest'
import { maxBackupChunkBytes } from '../../../core/bridge/backups'
import { digestSha256Hex } from '../../../core/crypto/digest'
import { formatBytes } from '../../../core/format-bytes'
import { messageOf } from '../../../core/text/message-of'
import { BackupError, type BackupFailure } from './backup-error'
import { keyName, rowKeyOf, type ChangeWatch } from '../change-watch'
import type { BackupSink, WrittenBackup } from './backup-sink'
import { blobPartName, withPartReferences } from './blob-parts'
import { encodeChanges, type TableChangeSet } from './changes-part'
import { settleChanges } from './settle-changes'

/** Main writes zips without zip64, so offsets stop at 4 GiB; room is left for headers and the manifest. */
export const maxBackupBytes = 4 * 1024 ** 3 - 256 * 1024 ** 2

export type BackupProgress = { readonly done: number; readonly total: number }

export type WriteBackupOptions = {
  readonly reason: BackupReason
  readonly createdAt: Date
  /**
   * The database's change watch, when the lab may write while the backup
   * runs: the records are then read in short transactions and the rows
   * written meanwhile settled at the end, so no edit waits for the backup.
   * Without it the records are read in one transaction (nothing else writes).
   */
  readonly changes?: ChangeWatch
  /** Rows per read of the records (dexie-export-import's chunk); tests make it small. */
  readonly rowsPerRead?: number
  readonly signal?: AbortSignal
  readonly onProgress?: (progress: BackupProgress) => void
}

export type BackupWritten = WrittenBackup

/**
 * Writes the whole database (every table's records, and every Blob) to sink as
 * one zip: records.json from dexie-export-import with Blobs replaced by
 * references, each Blob as its own stored part, and manifest.json last (main
 * writes it, with the counts per table sent here and the size and SHA-256 of
 * every part as main received it). The records are one consistent moment of
 * the lab: read in one read transaction, or (with a change watch) in short
 * ones, with the rows written meanwhile read again at the end into
 * changes.json (see settleChanges), so edits never wait for the backup. Blobs are then
 * read a chunk (at most 32 MiB) at a time and hashed once, while the chunk
 * before is on its way to main, so memory holds two chunks whatever the size
 * of the database. On failure or cancel main removes what was written and the
 * outcome says why.
 */
export async function writeBackup(
  db: Dexie,
  sink: BackupSink,
  options: WriteBackupOptions,
): Promise<{ ok: true; value: BackupWritten } | { ok: false; problem: BackupFailure }> {
  const { signal, onProgress } = options
  // Each Blob with the row it belongs to in records.json (none for a row of changes.json).
  const blobs: { name: string; blob: Blob; table?: string; row?: string }[] = []
  const counts: Record<string, number> = Object.fromEntries(db.tables.map((table) => [table.name, 0]))
  const recording = options.changes?.record()
  // One chunk in flight to main while the next is read from IndexedDB and hashed.
  let inFlight: Promise<void> = Promise.resolve()
  try {
    const records = await exportDB(recording === undefined ? db : uncounted(db), {
      numRowsPerChunk: options.rowsPerRead ?? 500,
      noTransaction: recording !== undefined,
      transform: (table, value: unknown, key: unknown) => {
        counts[table] = (counts[table] ?? 0) + 1
        const rowKey = rowKeyOf(db.table(table), value, key)
        recording?.read(table, rowKey)
        const replaced = withPartReferences(value, () => blobPartName(blobs.length + 1))
        blobs.push(...replaced.blobs.map((blob) => ({ ...blob, table, row: rowName(table, rowKey) })))
        return { value: replaced.row, key }
      },
    })
    signal?.throwIfAborted()
    let changes: Blob | undefined
    if (recording !== undefined && [...recording.tables.values()].length > 0) {
      const settled = await settleChanges(db, recording, counts)
      Object.assign(counts, settled.counts)
      const superseded = new Set<string>()
      const replacedTables = new Set<string>()
      const tables: Record<string, TableChangeSet> = {}
      for (const [table, set] of settled.tables) {
        if (set.replaced) replacedTables.add(table)
        for (const key of set.superseded) superseded.add(rowName(table, key))
        const rows = set.rows.map((row) => {
          const replaced = withPartReferences(row, () => blobPartName(blobs.length + 1))
          blobs.push(...replaced.blobs)
          return replaced.row as Record<string, unknown>
        })
        tables[table] = { ...set, rows }
      }
      // A superseded row's files are not kept: restore takes the row, and its files, from changes.json.
      const kept = blobs.filter(
        ({ table, row }) =>
          table === undefined || row === undefined || (!replacedTables.has(table) && !superseded.has(row)),
      )
      blobs.splice(0, blobs.length, ...kept)
      changes = encodeChanges({ tables })
    }
    recording?.stop()
    signal?.throwIfAborted()
    const total = records.size + (changes?.size ?? 0) + blobs.reduce((sum, { blob }) => sum + blob.size, 0)
    if (total > maxBackupBytes) {
      throw new BackupError(
        `Could not back up the lab’s data: its records and files come to ${formatBytes(total)}, and one backup file holds at most ${formatBytes(maxBackupBytes)} (the zip format without its 64-bit extension). Nothing was kept of this backup. Remove photos or evidence the lab no longer needs, or ask for a release that splits backups.`,
      )
    }
    let done = 0
    onProgress?.({ done, total })

    const parts = [
      { name: recordsPartName, blob: records },
      ...(changes === undefined ? [] : [{ name: changesPartName, blob: changes }]),
      ...blobs,
    ]
    for (const { name, blob } of parts) {
      for (let offset = 0; offset < blob.size || offset === 0; offset += maxBackupChunkBytes) {
        signal?.throwIfAborted()
        const end = Math.min(blob.size, offset + maxBackupChunkBytes)
        const whole = offset === 0 && end === blob.size
        const bytes = new Uint8Array(await (whole ? blob : blob.slice(offset, end)).arrayBuffer())
        const sha256 = await digestSha256Hex(bytes)
        await inFlight
        signal?.throwIfAborted()
        inFlight = sink.write({ part: name, partSize: blob.size, offset, sha256, bytes }).then(() => {
          done += bytes.byteLength
          onProgress?.({ done, total })
        })
        // Awaited before the next chunk or the commit; this only keeps a failure meanwhile from counting as unhandled.
        inFlight.catch(() => undefined)
        if (blob.size === 0) break
      }
    }
    await inFlight
    signal?.throwIfAborted()
    const written = await sink.commit({
      schemaVersion: db.verno,
      createdAt: options.createdAt.toISOString(),
      reason: options.reason,
      database: db.name,
      counts,
    })
    return { ok: true, value: written }
  } catch (error) {
    recording?.stop()
    // The chunk on its way settles first, so main sees the abort after it, never a chunk after the abort.
    await inFlight.catch(() => undefined)
    await sink.abort()
    if (signal?.aborted === true) {
      return {
        ok: false,
        problem: { canceled: true, message: `The backup ${sink.name} was cancelled; nothing was kept of it.` },
      }
    }
    const message =
      error instanceof BackupError
        ? error.message
        : `Could not back up the lab’s data to ${sink.name}: ${messageOf(error)}. Nothing was kept of this backup.`
    return { ok: false, problem: { message } }
  }
}

/**
 * The database as dexie-export-import sees it, with each table's count()
 * answered at once: IndexedDB counts row by row, so counting 1.5 million
 * results first would hold one read transaction over the table for seconds
 * and every verdict behind it. The count only fills records.json's rowCount
 * (progress metadata that restore does not read), which is then null.
 */
function uncounted(db: Dexie): Dexie {
  const tables = db.tables.map(
    (table) => Object.create(table, { count: { value: () => Dexie.Promise.resolve(Number.NaN) } }) as typeof table,
  )
  return Object.create(db, { tables: { value: tables } }) as Dexie
}

/** Names one row of one table, to match a Blob's row with the rows changes.json supersedes. */
const rowName = (table: string, key: unknown) => `${table}\u0000${keyName(key)}`
