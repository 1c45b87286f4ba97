import type { ChainVerdict } from '../../../core/audit/audit-entry'
import { checkRecordedHead, createChainCheck } from '../../../core/audit/chain-check'
import type { LedgerState } from '../../../core/bridge/ledger'
import { onlyGrowing } from './counted-tables'
import type { DatabaseFacts, LedgerSnapshot } from './database-facts'

/** A table with fewer records than the ledger recorded. */
export type Shortfall = { readonly table: string; readonly expected: number; readonly found: number }

/** How the database found differs from the one main last recorded: never to be shown as if it were fine. */
export type LedgerMismatch = {
  /**
   * missing: there was data, and the database is gone. empty: it is there with
   * nothing in it (Chromium recreates a damaged database empty, without an error).
   * shorter: its trail ends before the recorded head, or it has fewer records.
   * head-differs: its entry at the recorded head is another one, or its trail does not continue from it.
   * cannot-read: it is there, but IndexedDB will not open it (Chromium finds its files damaged).
   */
  readonly kind: 'missing' | 'empty' | 'shorter' | 'head-differs' | 'cannot-read'
  readonly database: string
  readonly recorded: LedgerState
  /** What the database holds now; null when it is missing. */
  readonly found: LedgerSnapshot | null
  /** The trail's break, for head-differs (and for shorter when its tail is gone). */
  readonly chain?: Extract<ChainVerdict, { intact: false }>
  readonly fewer: readonly Shortfall[]
  /** What IndexedDB said, for cannot-read. */
  readonly error?: { readonly name: string; readonly message: string }
}

export type LedgerVerdict =
  /** Nothing recorded and nothing there: the very first start. */
  | { readonly kind: 'fresh' }
  /** The database is as recorded. */
  | { readonly kind: 'as-recorded' }
  /**
   * Fine, and the ledger should be brought up to date: the database continues
   * past the recorded head (writes made after the ledger's last update, cut off
   * by a kill), or there is no ledger yet for data an earlier release wrote.
   */
  | { readonly kind: 'update'; readonly reason: 'ahead' | 'first-ledger' }
  | { readonly kind: 'mismatch'; readonly mismatch: LedgerMismatch }

const holdsData = (snapshot: LedgerSnapshot) =>
  snapshot.head !== null || Object.values(snapshot.counts).some((n) => n > 0)

function shortfalls(recorded: LedgerState, found: LedgerSnapshot, only?: ReadonlySet<string>): Shortfall[] {
  return (
    Object.entries(recorded.counts)
      // A table left uncounted (a history table at start-up) is compared once it is counted.
      .filter(([table]) => (only === undefined || only.has(table)) && table in found.counts)
      .map(([table, expected]) => ({ table, expected, found: found.counts[table] ?? 0 }))
      .filter(({ expected, found: n }) => n < expected)
  )
}

/**
 * A database that would not even be read, when the ledger says it held data:
 * a mismatch to explain beside what was recorded. Undefined when nothing was recorded.
 */
export function cannotRead(recorded: LedgerState | null, error: LedgerMismatch['error']): LedgerMismatch | undefined {
  if (recorded === null || !holdsData(recorded)) return undefined
  return {
    kind: 'cannot-read',
    database: recorded.database,
    recorded,
    found: null,
    fewer: [],
    ...(error ? { error } : {}),
  }
}

/**
 * Compares the database found at start with what main last recorded of it.
 * Only a database that has everything the ledger recorded, and whose trail
 * reaches (or continues from) the recorded head, is fine.
 */
export function compareWithLedger(recorded: LedgerState | null, found: DatabaseFacts): LedgerVerdict {
  if (recorded === null || !holdsData(recorded)) {
    if (!found.exists || !holdsData(found)) return { kind: recorded === null ? 'fresh' : 'as-recorded' }
    // Data and no ledger: the first start of this release over an earlier one's data, which is taken as it is.
    return { kind: 'update', reason: recorded === null ? 'first-ledger' : 'ahead' }
  }
  const mismatch = (
    kind: LedgerMismatch['kind'],
    fewer: readonly Shortfall[] = [],
    chain?: LedgerMismatch['chain'],
  ): LedgerVerdict => ({
    kind: 'mismatch',
    mismatch: {
      kind,
      database: recorded.database,
      recorded,
      found: found.exists ? { head: found.head, counts: found.counts } : null,
      fewer,
      ...(chain ? { chain } : {}),
    },
  })
  if (!found.exists) return mismatch('missing')
  if (!holdsData(found)) return mismatch('empty', shortfalls(recorded, found))

  const head = recorded.head
  const atHead = head ? checkRecordedHead(head, found.newest, found.atRecorded) : undefined
  if (atHead && !atHead.intact) {
    const tailGone = (found.head?.seq ?? 0) < (head?.seq ?? 0)
    return mismatch(tailGone ? 'shorter' : 'head-differs', shortfalls(recorded, found), atHead)
  }
  const ahead = (found.head?.seq ?? 0) > (head?.seq ?? 0)
  if (!ahead) {
    const fewer = shortfalls(recorded, found)
    if (fewer.length > 0) return mismatch('shorter', fewer)
    const more = Object.entries(found.counts).some(([table, n]) => n > (recorded.counts[table] ?? 0))
    return more ? { kind: 'update', reason: 'ahead' } : { kind: 'as-recorded' }
  }
  // Entries past the recorded head must continue the chain from it, one after another.
  const check = createChainCheck(found.atRecorded)
  check.add(found.afterRecorded)
  const continued = check.finish()
  if (!continued.intact) return mismatch('head-differs', shortfalls(recorded, found), continued)
  // Later audited writes may have deleted records; only what is never deleted must be all there.
  const fewer = shortfalls(recorded, found, onlyGrowing)
  return fewer.length > 0 ? mismatch('shorter', fewer) : { kind: 'update', reason: 'ahead' }
}
