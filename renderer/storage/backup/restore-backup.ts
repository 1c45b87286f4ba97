import type Dexie from 'dexie'
import { importInto } from 'dexie-export-import'
import { changesPartName, recordsPartName, type BackupPart } from '../../../core/backup/manifest'
import type { LedgerRecordRequest } from '../../../core/bridge/ledger'
import { messageOf } from '../../../core/text/message-of'
import { keyName, rowKeyOf } from '../change-watch'
import { snapshotOf } from '../ledger/database-facts'
import { BackupError, type BackupFailure } from './backup-error'
import { isPartReference } from './blob-parts'
import { decodeChanges, type ChangesPart } from './changes-part'
import { joinPieces } from './part-bytes'
import type { BackupReader } from './read-backup'

export type RestoreProgress = { readonly done: number; readonly total: number }

export type RestoreDeps = {
  readonly reader: BackupReader
  /** A new, empty database of this name at the given schema version (the backup's). */
  readonly openFresh: (name: string, version: number) => Dexie
  /** Reopens the restored database at this build's version, running any migrations. */
  readonly upgrade: (name: string) => Promise<Dexie>
  readonly now: () => Date
  readonly signal?: AbortSignal
  readonly onProgress?: (progress: RestoreProgress) => void
}

export type Restored = { readonly database: string; readonly ledger: LedgerRecordRequest }

type Reference = { readonly table: string; readonly key: unknown; readonly field: string; readonly type: string }

// A transaction per batch: each strict commit waits for the disk, so photos are written a batch at a time,
// one batch committing while the next is read.
const batchBytes = 32 * 1024 * 1024
const batchRows = 200

/**
 * Fills a fresh database from a checked backup: records.json through
 * dexie-export-import, then each Blob part, read, checked against its SHA-256
 * and only then stored; finally every table's count is compared with the
 * manifest. The database the lab uses now is never touched. Anything that
 * fails (a hash, a count, a cancel, the disk) deletes the fresh database, so
 * nothing is restored; on success it is at this build's version and ready for ledger.switchDatabase.
 */
export async function restoreIntoFreshDatabase(
  deps: RestoreDeps,
): Promise<{ ok: true; value: Restored } | { ok: false; problem: BackupFailure }> {
  const { reader, signal, onProgress } = deps
  const { manifest, fileName } = reader
  const name = `wwa-lab-restored-${deps.now().toISOString().replace(/[:.]/g, '-')}`
  const parts = new Map(manifest.parts.map((part) => [part.name, part]))
  const total = manifest.parts.reduce((sum, part) => sum + part.size, 0)
  let done = 0
  let db: Dexie | undefined
  const refuse = (message: string): never => {
    throw new BackupError(message)
  }
  try {
    const recordsPart = parts.get(recordsPartName)!
    const pieces: Uint8Array[] = []
    await check(reader.readPart(recordsPart, (piece) => void pieces.push(piece)))
    done += recordsPart.size
    onProgress?.({ done, total })
    signal?.throwIfAborted()

    const changesPart = parts.get(changesPartName)
    let changes: ChangesPart | undefined
    if (changesPart !== undefined) {
      const changePieces: Uint8Array[] = []
      await check(reader.readPart(changesPart, (piece) => void changePieces.push(piece)))
      changes = decodeChanges(joinPieces(changePieces))
      if (changes === undefined) refuse(`${fileName} is damaged: its ${changesPartName} is not as WWA Lab writes it.`)
      done += changesPart.size
      onProgress?.({ done, total })
    }

    db = deps.openFresh(name, manifest.schemaVersion)
    await db.open()
    const opened = db
    const tableOf = (table: string) => {
      if (!opened.tables.some((t) => t.name === table))
        refuse(`${fileName} is damaged: it holds records of a table ${table} its storage version does not have.`)
      return opened.table(table)
    }
    const keyOf = (table: string, value: unknown, key: unknown) => rowKeyOf(tableOf(table), value, key)
    const references = new Map<string, Reference>()
    const noteReferences = (table: string, value: unknown, key: unknown) => {
      if (typeof value !== 'object' || value === null) return
      for (const [field, item] of Object.entries(value)) {
        if (!isPartReference(item)) continue
        if (!parts.has(item.$wwaBackupPart) || references.has(item.$wwaBackupPart)) {
          refuse(
            `${fileName} is damaged: its records name the part ${item.$wwaBackupPart}, which the manifest does not list once.`,
          )
        }
        references.set(item.$wwaBackupPart, { table, key: keyOf(table, value, key), field, type: item.type })
      }
    }
    // Rows of records.json that changes.json supersedes are not imported: changes.json holds them as they were at the backup's moment.
    const superseded = new Map(
      Object.entries(changes?.tables ?? {}).map(([table, set]) => [
        table,
        { all: set.replaced, keys: new Set(set.superseded.map(keyName)) },
      ]),
    )
    await importInto(opened, new Blob(pieces as BlobPart[]), {
      acceptNameDiff: true,
      filter: (table, value: unknown, key: unknown) => {
        const dropped = superseded.get(table)
        return dropped === undefined || (!dropped.all && !dropped.keys.has(keyName(keyOf(table, value, key))))
      },
      transform: (table, value: unknown, key: unknown) => {
        noteReferences(table, value, key)
        return { value, key }
      },
    })
    pieces.length = 0
    if (changes !== undefined) {
      const changed = Object.entries(changes.tables)
      for (const [table, set] of changed) set.rows.forEach((row) => noteReferences(table, row, undefined))
      await opened.transaction(
        'rw',
        changed.map(([table]) => tableOf(table)),
        async () => {
          for (const [table, set] of changed) await tableOf(table).bulkPut(set.rows as Record<string, unknown>[])
        },
      )
    }
    const fileParts = manifest.parts.length - 1 - (changesPart === undefined ? 0 : 1)
    if (references.size !== fileParts) {
      refuse(`${fileName} is damaged: its manifest lists ${fileParts} files but its records use ${references.size}.`)
    }

    let batch: { reference: Reference; blob: Blob }[] = []
    let batchSize = 0
    // One batch commits (strict: it waits for the disk) while the next is read and checked, so at most two are held.
    let committing: Promise<void> = Promise.resolve()
    const store = async (rows: readonly { reference: Reference; blob: Blob }[]) => {
      const tables = [...new Set(rows.map(({ reference }) => reference.table))]
      await opened.transaction('rw', tables, async () => {
        for (const name of tables) {
          const table = opened.table(name)
          const mine = rows.filter(({ reference }) => reference.table === name)
          const keys = [...new Set(mine.map(({ reference }) => reference.key))]
          const found = (await table.bulkGet(keys as string[])) as (Record<string, unknown> | undefined)[]
          const byKey = new Map(keys.map((key, i) => [key, found[i]]))
          for (const { reference, blob } of mine) {
            const row = byKey.get(reference.key)
            if (row === undefined) refuse(`${fileName} is damaged: a file belongs to a record its records do not hold.`)
            byKey.set(reference.key, { ...row, [reference.field]: blob })
          }
          await table.bulkPut([...byKey.values()])
        }
      })
    }
    const flush = async () => {
      const rows = batch
      batch = []
      batchSize = 0
      await committing
      if (rows.length === 0) return
      committing = store(rows)
      // Awaited by the next flush or at the end; this only keeps a failure meanwhile from counting as unhandled.
      committing.catch(() => undefined)
    }
    try {
      for (const [partName, reference] of references) {
        signal?.throwIfAborted()
        const part = parts.get(partName) as BackupPart
        const blobPieces: Uint8Array[] = []
        await check(reader.readPart(part, (piece) => void blobPieces.push(piece)))
        batch.push({ reference, blob: new Blob(blobPieces as BlobPart[], { type: reference.type }) })
        batchSize += part.size
        done += part.size
        if (batchSize >= batchBytes || batch.length >= batchRows) await flush()
        onProgress?.({ done, total })
      }
      await flush()
    } finally {
      // Whatever stopped the loop, the batch on its way settles before the database is closed or deleted.
      await committing.catch(() => undefined)
    }
    await committing
    signal?.throwIfAborted()

    for (const [table, expected] of Object.entries(manifest.counts)) {
      if (!opened.tables.some((t) => t.name === table))
        refuse(`${fileName} is damaged: its manifest counts a table ${table} its storage version does not have.`)
      const found = await opened.table(table).count()
      if (found !== expected) {
        refuse(
          `${fileName} is damaged: it holds ${found.toLocaleString('en-US')} records in ${table} where its manifest says ${expected.toLocaleString('en-US')}.`,
        )
      }
    }
    opened.close()
    db = await deps.upgrade(name)
    const ledger = await ledgerOf(db)
    db.close()
    return { ok: true, value: { database: name, ledger } }
  } catch (error) {
    db?.close()
    // The fresh database goes, so a refused restore leaves nothing behind; the lab's own was never opened for writing.
    if (db !== undefined) await db.delete().catch(() => undefined)
    const canceled = signal?.aborted === true
    const message = canceled
      ? `The restore from ${fileName} was cancelled. Nothing was restored and the lab’s data is unchanged.`
      : error instanceof BackupError
        ? error.message
        : `Could not restore from ${fileName}: ${messageOf(error)}. Nothing was restored and the lab’s data is unchanged.`
    return { ok: false, problem: canceled ? { message, canceled } : { message } }
  }
}

async function check(result: Promise<{ ok: true } | { ok: false; problem: { message: string } }>) {
  const outcome = await result
  if (!outcome.ok) throw new BackupError(outcome.problem.message)
}

/**
 * The restored database as the ledger records it: its name, and its head and
 * counts read exactly as start-up reads them (only the tables the ledger counts),
 * so the first start on it finds what was recorded.
 */
export async function ledgerOf(db: Dexie): Promise<LedgerRecordRequest> {
  return { database: db.name, ...(await snapshotOf(db.backendDB())) }
}
