import type { LabBridge } from '../../core/bridge/contract'
import {
  cannotRead,
  compareWithLedger,
  type LedgerMismatch,
  type LedgerVerdict,
} from '../storage/ledger/compare-with-ledger'
import { historyTables } from '../storage/ledger/counted-tables'
import { countInSteps, readDatabaseFacts, readFacts, snapshotOf } from '../storage/ledger/database-facts'
import { createLedgerKeeper, type LedgerKeeper } from '../storage/ledger/ledger-keeper'
import { knownVersion, LabDb } from '../storage/lab-db'
import type { BeforeMigration } from './backup-before-migration'
import { describeOpenError, openLabDb, type OpenFailure } from './open-lab-db'

export type LedgerStartOptions = {
  /** The lab's database under the name it has when main names no other (a fresh install). */
  readonly db: LabDb
  /** The database of another name, when main's ledger names one (after a restore); `new LabDb(name)` unless given. */
  readonly labDbNamed?: (name: string) => LabDb
  readonly indexedDB: IDBFactory
  readonly lab: Pick<LabBridge, 'ledger'>
  /** Backs the database up before a migration upgrades it; without it the upgrade runs unbacked (tests of other things). */
  readonly beforeMigration?: BeforeMigration
}

export type LedgerStart =
  | {
      readonly ok: true
      readonly db: LabDb
      readonly keeper: LedgerKeeper
      readonly verdict: LedgerVerdict
      /**
       * Counts the history tables (results, audit: millions of rows in a busy lab, seconds to count)
       * against the ledger, once the window shows; resolves with what is missing, or undefined when
       * nothing is. Until it has, nothing is recorded in the ledger: a lower count must never replace
       * the one it is checked against.
       */
      readonly laterCheck: () => Promise<LedgerMismatch | undefined>
    }
  | { readonly ok: false; readonly failure: OpenFailure }

/**
 * Opens the database main's ledger names, once it is known to hold what the
 * ledger recorded. The ledger is read first, then the database is looked at
 * without creating or upgrading it; a database that is missing, empty, shorter
 * or whose trail is another one is never opened, so nothing in it changes and
 * the recovery screen can say what is wrong. Nothing is ever deleted here.
 */
export async function openAgainstLedger(options: LedgerStartOptions): Promise<LedgerStart> {
  const read = await options.lab.ledger.read()
  if (!read.ok) return { ok: false, failure: { kind: 'ledger-unreadable', message: read.problem.message } }
  const recorded = read.value
  const name = recorded?.database ?? options.db.name
  const db = name === options.db.name ? options.db : (options.labDbNamed?.(name) ?? new LabDb(name))

  let verdict: LedgerVerdict = { kind: 'fresh' }
  try {
    // Everything but the history tables now: the head, the trail since it, the records of the catalogue.
    const found = await readDatabaseFacts(options.indexedDB, name, recorded?.head?.seq, historyTables)
    // A newer release's database is refused by openLabDb with both versions named; compared, it could only mislead.
    if (!found.exists || found.version <= knownVersion) {
      verdict = compareWithLedger(recorded, found)
      if (verdict.kind === 'mismatch') {
        // Something is missing: counted in full, so the recovery screen names every table that is short.
        const whole = compareWithLedger(recorded, await readDatabaseFacts(options.indexedDB, name, recorded?.head?.seq))
        const mismatch = whole.kind === 'mismatch' ? whole.mismatch : verdict.mismatch
        return { ok: false, failure: { kind: 'data-missing', mismatch } }
      }
    }
  } catch (error) {
    const failure = describeOpenError(error)
    // With data recorded, say what was expected beside what IndexedDB said.
    const unread =
      failure.kind === 'cannot-open'
        ? cannotRead(recorded, { name: failure.name, message: failure.message })
        : undefined
    return { ok: false, failure: unread ? { kind: 'data-missing', mismatch: unread } : failure }
  }

  const failure = await openLabDb(db, options.indexedDB, options.beforeMigration)
  if (failure) return { ok: false, failure }
  const keeper = createLedgerKeeper({
    database: name,
    lab: options.lab,
    snapshot: (lastRecorded) => snapshotOf(db.backendDB(), lastRecorded),
    recordedHead: recorded?.head ?? null,
    recorded: recorded ? { head: recorded.head, counts: recorded.counts } : null,
  })
  const startVerdict = verdict
  const laterCheck = async (): Promise<LedgerMismatch | undefined> => {
    if (startVerdict.kind === 'fresh') return undefined
    const idb = db.backendDB()
    // The same comparison as at start, with the history tables counted; writes since then only add.
    const facts = await readFacts(idb, recorded?.head?.seq, historyTables)
    const keyRange = (db._options.IDBKeyRange as typeof IDBKeyRange | undefined) ?? globalThis.IDBKeyRange
    const counts = { ...facts.counts, ...(await countInSteps(idb, historyTables, { keyRange })) }
    const whole = compareWithLedger(recorded, {
      exists: true,
      version: Math.floor(idb.version / 10),
      ...facts,
      counts,
    })
    if (whole.kind === 'mismatch') return whole.mismatch
    // Writes made after the ledger's last update (a kill between commit and record), or data from before the ledger.
    if (startVerdict.kind === 'update') keeper.written()
    return undefined
  }
  return { ok: true, db, keeper, verdict, laterCheck }
}
