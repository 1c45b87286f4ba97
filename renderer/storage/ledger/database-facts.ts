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
 * Stores an older schema lacks count as empty. Tables in `uncounted` are left out
 * of the counts (not zero: absent), for a look that must not take seconds.
 */
export async function readFacts(
  idb: IDBDatabase,
  recordedSeq?: number,
  uncounted: readonly string[] = [],
): Promise<Omit<Extract<DatabaseFacts, { exists: true }>, 'exists' | 'version'>> {
  const present = countedTables.filter((table) => idb.objectStoreNames.contains(table))
  const left = (counts: Record<string, number>) => {
    for (const table of uncounted) delete counts[table]
    return counts
  }
  if (present.length === 0)
    return { head: null, counts: left(zeroCounts()), newest: undefined, atRecorded: undefined, afterRecorded: [] }
  const tx = idb.transaction(present, 'readonly')
  const counting = present
    .filter((table) => !uncounted.includes(table))
    .map(async (table) => [table, await request(tx.objectStore(table).count())] as const)
  const walking = present.includes(auditStore)
    ? walkBack(tx.objectStore(auditStore), recordedSeq)
    : Promise.resolve({ newest: undefined, at: undefined, after: [] })
  const [counted, walked] = await Promise.all([Promise.all(counting), walking])
  const counts: Record<string, number> = left(zeroCounts())
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
  uncounted: readonly string[] = [],
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
    return { exists: true, version: Math.floor(idb.version / 10), ...(await readFacts(idb, recordedSeq, uncounted)) }
  } finally {
    idb.close()
  }
}

/**
 * Tables too long to count after every write: IndexedDB counts row by row, so on
 * years of a lab (millions of results and entries) a count takes seconds, and a
 * read over the table holds back the next verdict's write.
 */
const derivedTables = ['results', 'audit'] as const

/**
 * The head and counts of an open database now, for the ledger after a write.
 * Given the state last recorded, the long tables are not counted but carried
 * forward from it by the entries written since (every entry is one more in
 * the trail; a result's creation is one more result, since results are created
 * only by an audited write or by a burst of typing whose one entry, when it
 * ends, is that creation). Until a burst ends its new result is not yet
 * counted: the ledger then holds one fewer than the database, which start-up
 * reads as writes it has not recorded, never as data lost. Without a recorded
 * head to go on, or when the trail does not continue from it, everything is counted.
 */
export async function snapshotOf(idb: IDBDatabase, previous?: LedgerSnapshot | null): Promise<LedgerSnapshot> {
  const base = previous?.head ?? null
  const carried = derivedTables.every((table) => typeof previous?.counts[table] === 'number')
  if (previous && base !== null && carried) {
    const facts = await readFacts(idb, base.seq, derivedTables)
    if (facts.atRecorded?.hash === base.hash) {
      const since = facts.afterRecorded
      const created = since.filter((entry) => entry.entity.kind === 'result' && entry.action === 'create').length
      const deleted = since.filter((entry) => entry.entity.kind === 'result' && entry.action === 'delete').length
      return {
        head: facts.head,
        counts: {
          ...facts.counts,
          audit: (previous.counts['audit'] ?? 0) + since.length,
          results: (previous.counts['results'] ?? 0) + created - deleted,
        },
      }
    }
  }
  const { head, counts } = await readFacts(idb)
  return { head, counts }
}

/** Keys counted per step: each step is one short read-only transaction, so the window's reads and writes get their turn between steps. */
const countStep = 20_000

const failed = (r: IDBRequest) => r.error ?? new Error('IndexedDB reported an error without saying which.')

/**
 * The records of these tables, counted a step of keys at a time, each step its
 * own read-only transaction, rather than by count(), which holds IndexedDB for
 * the whole table: a count of millions runs beside the window's reads and writes
 * (a verdict is not kept waiting behind it), not before them. Every record that
 * is there from the first step to the last is counted exactly once: the steps
 * cover the keys in order, each from where the one before ended; records added
 * meanwhile may or may not be.
 */
export async function countInSteps(
  idb: IDBDatabase,
  tables: readonly string[],
  {
    keyRange = globalThis.IDBKeyRange,
    step = countStep,
  }: {
    /** The IDBKeyRange of the engine `idb` belongs to (the window's unless given). */
    readonly keyRange?: typeof IDBKeyRange
    readonly step?: number
  } = {},
): Promise<Record<string, number>> {
  const counts: Record<string, number> = Object.fromEntries(tables.map((table) => [table, 0]))
  for (const table of tables.filter((t) => idb.objectStoreNames.contains(t))) {
    let after: IDBValidKey | undefined
    for (;;) {
      const taken = await countStepOf(idb.transaction(table, 'readonly').objectStore(table), after, step, keyRange)
      counts[table] = (counts[table] ?? 0) + taken.n
      if (taken.last === undefined) break
      after = taken.last
    }
  }
  return counts
}

/**
 * One step: `step` keys after `after` (the first when undefined), ending on the key it
 * returns, or every key left (fewer than a step) and no key when the table ends there.
 */
function countStepOf(
  store: IDBObjectStore,
  after: IDBValidKey | undefined,
  step: number,
  keyRange: typeof IDBKeyRange,
): Promise<{ readonly n: number; readonly last: IDBValidKey | undefined }> {
  const range = after === undefined ? null : keyRange.lowerBound(after, true)
  return new Promise((resolve, reject) => {
    let advanced = false
    const walk = store.openKeyCursor(range)
    walk.onerror = () => reject(failed(walk))
    walk.onsuccess = () => {
      const cursor = walk.result
      if (cursor && advanced) return resolve({ n: step, last: cursor.primaryKey })
      if (cursor && step > 1) {
        // On the step's first key: its last is step - 1 further on.
        advanced = true
        return cursor.advance(step - 1)
      }
      if (cursor) return resolve({ n: 1, last: cursor.primaryKey })
      if (!advanced) return resolve({ n: 0, last: undefined })
      // Fewer than a step were left: counted in the same transaction.
      const rest = store.count(range ?? undefined)
      rest.onerror = () => reject(failed(rest))
      rest.onsuccess = () => resolve({ n: rest.result, last: undefined })
    }
  })
}
