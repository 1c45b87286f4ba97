import { z } from 'zod'

/**
 * The IndexedDB database that holds the lab's data when main has never named
 * another (a fresh install, or an install from before the ledger existed).
 */
export const defaultLabDatabase = 'wwa-lab'

// IndexedDB allows any string; these keep the ledger file and its messages readable.
const DatabaseName = z
  .string()
  .min(1, 'must name a database')
  .max(200, 'is longer than a database name WWA Lab makes')
  .regex(/^[^\p{Cc}]+$/u, 'must not contain control characters')

/** The newest audit entry: its number and SHA-256 (as core/audit seals it). */
export const LedgerHead = z.object({
  seq: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 as 64 lowercase hex digits'),
})

/** Records per table ("products": 40, "audit": 1204), by the table's name in the database. */
export const LedgerCounts = z.record(
  z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/, 'must be a table name'),
  z.number().int().nonnegative(),
)

/** What main last recorded of the lab's database: which one it is, its audit chain's head and its records per table. */
export const LedgerState = z.object({
  database: DatabaseName,
  head: LedgerHead.nullable(),
  counts: LedgerCounts,
  updatedAt: z.iso.datetime(),
})

export const LedgerRecordRequest = z.object({
  database: DatabaseName,
  head: LedgerHead.nullable(),
  counts: LedgerCounts,
})

export const LedgerRecordResponse = z.object({ updatedAt: z.iso.datetime() })

export const ledgerContract = {
  /** null: main has never written a ledger (the first start of a fresh install). */
  'ledger.read': { request: z.undefined(), response: LedgerState.nullable() },
  /** After every write: refused for a database other than the lab's current one. */
  'ledger.record': { request: LedgerRecordRequest, response: LedgerRecordResponse },
  /** Once a restore has filled and verified a fresh database: from now on it is the lab's. */
  'ledger.switchDatabase': { request: LedgerRecordRequest, response: LedgerRecordResponse },
} as const

export type LedgerHead = z.output<typeof LedgerHead>
export type LedgerCounts = z.output<typeof LedgerCounts>
export type LedgerState = z.output<typeof LedgerState>
export type LedgerRecordRequest = z.output<typeof LedgerRecordRequest>
