import type { LabBridge } from '../../core/bridge/contract'
import { cannotRead, compareWithLedger, type LedgerVerdict } from '../storage/ledger/compare-with-ledger'
import { readDatabaseFacts, snapshotOf } from '../storage/ledger/database-facts'
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
  | { readonly ok: true; readonly db: LabDb; readonly keeper: LedgerKeeper; readonly verdict: LedgerVerdict }
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
    const found = await readDatabaseFacts(options.indexedDB, name, recorded?.head?.seq)
    // A newer release's database is refused by openLabDb with both versions named; compared, it could only mislead.
    if (!found.exists || found.version <= knownVersion) {
      verdict = compareWithLedger(recorded, found)
      if (verdict.kind === 'mismatch')
        return { ok: false, failure: { kind: 'data-missing', mismatch: verdict.mismatch } }
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
    snapshot: () => snapshotOf(db.backendDB()),
    recordedHead: recorded?.head ?? null,
  })
  // Writes made after the ledger's last update (a kill between commit and record), or data from before the ledger.
  if (verdict.kind === 'update') keeper.written()
  return { ok: true, db, keeper, verdict }
}
