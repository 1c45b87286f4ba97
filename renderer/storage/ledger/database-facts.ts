import type { AuditEntry } from '../../../core/audit/audit-entry'
import type { LedgerCounts, LedgerHead } from '../../../core/bridge/ledger'
import { countedTables } from './counted-tables'

/** What the ledger records of a database: its audit chain's head and its records per counted table. */
export type LedgerSnapshot = { readonly head: LedgerHead | null; readonly counts: LedgerCounts }

/** A database as found, read without changing it. */
export type DatabaseFacts =
  | { readonly exists: false }
  | (LedgerSnapshot & {
      readonly exists: true
      /** The schema version (Dexie's, the native version divided by ten). */
      readonly version: number
      /** The newest entry of its trail. */
      readonly newest: AuditEntry | undefined
      /** Its entry numbered as the ledger's head, when asked for one. */
      readonly atRecorded: AuditEntry | undefined
      /** Its entries after the ledger's head, oldest first: what was written after the ledger's last update. */
      readonly afterRecorded: readonly AuditEntry[]
    })

const auditStore = 'audit'

const request = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error ?? new Error('IndexedDB reported an error without saying which.'))
  })

/**
 * Reads the head and counts in one read-only transaction, so they describe one
 * moment; with `recordedSeq`, also the entry of that number and every entry after it.
 * Stores an older schema lacks count as empty.
 */
export async function readFacts(
  idb: IDBDatabase,
  recordedSeq?: number,
): Promise<Omit<Extract<DatabaseFacts, { exists: true }>, 'exists' | 'version'>> {
  const present = countedTables.filter((table) => idb.objectStoreNames.contains(table))
  if (present.length === 0)
    return { head: null, counts: zeroCounts(), newest: undefined, atRecorded: undefined, afterRecorded: [] }
  const tx = idb.transaction(present, 'readonly')
  const counting = present.map(async (table) => [table, await request(tx.objectStore(table).count())] as const)
  const walking = present.includes(auditStore)
    ? walkBack(tx.objectStore(auditStore), recordedSeq)
    : Promise.resolve({ newest: undefined, at: undefined, after: [] })
  const [counted, walked] = await Promise.all([Promise.all(counting), walking])
  const counts: Record<string, number> = zeroCounts()
  for (const [table, n] of counted) counts[table] = n
  const { newest } = walked
  return {
    head: newest ? { seq: newest.seq, hash: newest.hash } : null,
    counts,
    newest,
    atRecorded: walked.at,
    afterRecorded: [...walked.after].reverse(),
  }
}

function zeroCounts(): Record<string, number> {
  return Object.fromEntries(countedTables.map((table) => [table, 0]))
}

type Walked = {
  readonly newest: AuditEntry | undefined
  readonly at: AuditEntry | undefined
  /** Newest first. */
  readonly after: readonly AuditEntry[]
}

/**
 * Walks the trail back from its newest entry to entry `seq`: the newest entry,
 * the entries after `seq` and entry `seq` itself. It reads only what was written
 * since, however long the trail; with no `seq`, only the newest entry.
 */
function walkBack(audit: IDBObjectStore, seq: number | undefined): Promise<Walked> {
  return new Promise((resolve, reject) => {
    const after: AuditEntry[] = []
    let newest: AuditEntry | undefined
    const walk = audit.openCursor(null, 'prev')
    walk.onerror = () => reject(walk.error ?? new Error('IndexedDB reported an error without saying which.'))
    walk.onsuccess = () => {
      const cursor = walk.result
      if (!cursor) return resolve({ newest, at: undefined, after })
      const entry = cursor.value as AuditEntry
      newest ??= entry
      if (seq === undefined) return resolve({ newest, at: undefined, after })
      if (entry.seq === seq) return resolve({ newest, at: entry, after })
      // Past the recorded number without meeting it: that entry is gone.
      if (entry.seq < seq) return resolve({ newest, at: undefined, after })
      after.push(entry)
      cursor.continue()
    }
  })
}

/** Whether a database of this name exists, without opening it (opening creates it). */
export async function databaseExists(factory: IDBFactory, name: string): Promise<boolean> {
  const all = await factory.databases()
  return all.some((info) => info.name === name)
}

/**
 * The database as found, read without creating or upgrading it: a database that
 * does not exist is not made, and one that does is opened at the version it has.
 */
export async function readDatabaseFacts(
  factory: IDBFactory,
  name: string,
  recordedSeq?: number,
): Promise<DatabaseFacts> {
  if (!(await databaseExists(factory, name))) return { exists: false }
  const open = factory.open(name)
  // Listed a moment ago but gone now (deleted meanwhile): opening would make an empty one, so stop it.
  open.onupgradeneeded = () => open.transaction?.abort()
  let idb: IDBDatabase
  try {
    idb = await request(open)
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return { exists: false }
    throw error
  }
  try {
    return { exists: true, version: Math.floor(idb.version / 10), ...(await readFacts(idb, recordedSeq)) }
  } finally {
    idb.close()
  }
}

/** The head and counts of an open database now, for the ledger after a write. */
export async function snapshotOf(idb: IDBDatabase): Promise<LedgerSnapshot> {
  const { head, counts } = await readFacts(idb)
  return { head, counts }
}
