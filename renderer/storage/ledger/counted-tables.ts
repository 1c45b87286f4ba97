import { countOf } from '../../../core/text/plural'
import { registry, type TableName } from '../tables'

/**
 * The tables whose records the ledger counts: every audited entity table of the
 * registry, the audit trail itself, and the stored photos and files. Not counted,
 * because their number goes down with no audited change behind it, so a lower
 * count says nothing about lost data: drafts (an editor's text is dropped once it
 * saves), settings (per workstation; the audit checkpoint is rewritten on every
 * check) and thumbnails (made again from the stored photo). Plan summaries and
 * frozen plans are written in the same transactions as the plan versions and
 * sessions counted here, so they are lost only together with what is counted.
 */
export const countedTables: readonly TableName[] = [
  ...new Set<TableName>([...Object.values(registry).map((registration) => registration.table), 'audit', 'files']),
]

/**
 * Counted tables that grow with the lab's history (a busy lab's five years are
 * millions of rows). IndexedDB counts row by row, seconds for these, so start-up
 * checks them only after the window shows (openAgainstLedger's laterCheck).
 */
export const historyTables: readonly TableName[] = ['results', 'audit']

/**
 * Tables whose records are only ever added: fewer of them is always lost data.
 * The others can shrink by an audited delete made after the ledger's last
 * update, so they are compared only when the audit trail ends where the ledger says.
 */
export const onlyGrowing: ReadonlySet<string> = new Set<TableName>([
  'audit',
  'files',
  // Captures and decisions are never changed or removed: a new one is a new record.
  'listingSnapshots',
  'skillSnapshots',
  'reviewDecisions',
])

const nouns: { readonly [T in TableName]?: readonly [singular: string, plural: string] } = {
  profile: ['lab profile', 'lab profiles'],
  products: ['product', 'products'],
  hubs: ['hub', 'hubs'],
  skills: ['skill', 'skills'],
  units: ['tested unit', 'tested units'],
  planVersions: ['test plan version', 'test plan versions'],
  sessions: ['session', 'sessions'],
  results: ['result', 'results'],
  audit: ['audit entry', 'audit entries'],
  listingSnapshots: ['listing snapshot', 'listing snapshots'],
  skillSnapshots: ['skill-store snapshot', 'skill-store snapshots'],
  reviewDecisions: ['review decision', 'review decisions'],
  files: ['stored photo or file', 'stored photos and files'],
}

/** "40 products", "1 tested unit": a count of a table's records in words. */
export function recordsOf(table: string, n: number): string {
  const noun = nouns[table as TableName]
  return noun ? countOf(n, noun[0], noun[1]) : countOf(n, `record in “${table}”`, `records in “${table}”`)
}

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

/** "37 of 40 products": what is left of what there was. */
export const leftOf = (table: string, found: number, expected: number): string =>
  `${whole.format(found)} of ${recordsOf(table, expected)}`
