import type { LedgerMismatch } from '../storage/ledger/compare-with-ledger'
import { knownVersion, type LabDb } from '../storage/lab-db'
import type { BeforeMigration } from './backup-before-migration'

/** Why the lab's database could not be opened at start, in terms the recovery screen explains. */
export type OpenFailure =
  | { readonly kind: 'newer-schema'; readonly found: number; readonly known: number }
  | { readonly kind: 'cannot-open'; readonly name: string; readonly message: string }
  /** Opened, then another copy of WWA Lab upgraded or deleted the database while this window ran. */
  | { readonly kind: 'taken-over' }
  /** Main's record of the last saved state could not be read, so whether data is missing cannot be told. */
  | { readonly kind: 'ledger-unreadable'; readonly message: string }
  /** The database is missing, empty, shorter than, or not the one main last recorded. */
  | { readonly kind: 'data-missing'; readonly mismatch: LedgerMismatch }
  /** The database needs an upgrade, and the backup written before every upgrade failed: nothing was upgraded. */
  | {
      readonly kind: 'backup-before-migration-failed'
      readonly from: number
      readonly to: number
      readonly message: string
    }

/** The schema version a database was written with, read from the list of databases without opening (or changing) it. */
async function installedVersion(factory: IDBFactory, name: string): Promise<number | undefined> {
  if (typeof factory.databases !== 'function') return undefined
  const found = (await factory.databases()).find((info) => info.name === name)
  // Dexie stores version n as native version 10n.
  return found?.version === undefined ? undefined : Math.floor(found.version / 10)
}

/**
 * Opens the database, or says why not. A database written by a newer WWA Lab is
 * left unopened: Dexie would otherwise adapt to it silently, and even add this
 * build's tables to it. A database of an older version is backed up (by
 * `beforeMigration`, when given) before Dexie upgrades it. Nothing is ever deleted here.
 */
export async function openLabDb(
  db: LabDb,
  factory: IDBFactory,
  beforeMigration?: BeforeMigration,
): Promise<OpenFailure | undefined> {
  try {
    const found = await installedVersion(factory, db.name)
    if (found !== undefined && found > knownVersion) return { kind: 'newer-schema', found, known: knownVersion }
    // Migrations run only after a backup of the data as it is: a failed backup leaves the database as it was.
    if (found !== undefined && found < knownVersion && beforeMigration !== undefined) {
      const backedUp = await beforeMigration(db.name, found, knownVersion)
      if (!backedUp.ok)
        return {
          kind: 'backup-before-migration-failed',
          from: found,
          to: knownVersion,
          message: backedUp.problem.message,
        }
    }
    await db.open()
    return undefined
  } catch (error) {
    db.close()
    return describeOpenError(error)
  }
}

/** A database that would not open, named by the error IndexedDB (or Dexie around it) gave. */
export function describeOpenError(error: unknown): OpenFailure {
  const inner = (error as { inner?: unknown }).inner
  const cause = inner instanceof Error ? inner : error instanceof Error ? error : new Error(String(error))
  return { kind: 'cannot-open', name: cause.name, message: cause.message }
}

/**
 * Calls `onLost` when another copy of WWA Lab upgrades or deletes the database
 * under this window. The window lets go at once and for good: Dexie's own
 * handling would reopen it on the next read and adapt it to this build's older
 * schema, changing a database a newer release now owns. Returns the unsubscribe.
 */
export function watchForTakeover(db: LabDb, onLost: () => void): () => void {
  const handler = () => {
    db.close({ disableAutoOpen: true })
    onLost()
    return false
  }
  db.on('versionchange', handler)
  return () => db.on('versionchange').unsubscribe(handler)
}
