import { entityLabel } from '../../../core/model/entity'
import { listingStatusLabels } from '../../../core/model/listing-snapshot'
import { reviewVerdictLabels } from '../../../core/model/review-decision'
import { checkIds, checkLabels, type CheckId } from '../../../core/rules/comparison/finding'
import type { BlockingKind } from '../../../core/rules/comparison/readiness'
import type { ReadinessRow } from '../../../core/rules/comparison/readiness-rows'
import { dates } from '../../app/lab-dates'
import { href } from '../../app/route'
import { listColumnHelper } from '../../table/table-features'
import { outcomeLabels } from './FindingItem'
import { reviewHref } from './review-address'

/** Ready, not ready, or not captured: what the verdict filter and column say. */
export const verdictOf = (row: ReadinessRow): 'ready' | 'blocked' | 'not-captured' =>
  row.asin === '' ? 'blocked' : row.snapshot === undefined ? 'not-captured' : row.readiness.ready ? 'ready' : 'blocked'

export const verdictLabels = { ready: 'Ready', blocked: 'Not ready', 'not-captured': 'Not captured' } as const

const kindWords: Readonly<Record<BlockingKind, string>> = {
  fails: 'fails',
  'needs-review': 'needs review',
  rejected: 'rejected',
  'needs-information': 'information asked for',
  'not-captured': 'not captured',
  'no-asin': 'no ASIN',
}

/** The blocking checks in a few words each ("Brand (needs review)"); the review page gives the reasons in full. */
const blockingText = (row: ReadinessRow) =>
  row.readiness.ready
    ? ''
    : row.readiness.blocking
        .map((reason) =>
          reason.kind === 'not-captured'
            ? 'Not captured yet'
            : reason.kind === 'no-asin'
              ? 'No ASIN recorded'
              : `${checkLabels[reason.check]} (${kindWords[reason.kind]})`,
        )
        .join(', ')

const keyOf = (row: ReadinessRow) => ({ productId: row.product.id, marketplace: row.marketplace, asin: row.asin })

const column = listColumnHelper<ReadinessRow>()
export const readinessColumns = column.columns([
  column.accessor((row) => entityLabel('product', row.product), {
    id: 'product',
    header: 'Product',
    enableHiding: false,
    sortFn: 'alphanumeric',
    cell: (info) => <a href={href('products', info.row.original.product.id)}>{info.getValue()}</a>,
  }),
  column.accessor('asin', {
    header: 'ASIN',
    enableHiding: false,
    sortFn: 'alphanumeric',
    cell: (info) =>
      info.getValue() === '' ? (
        <a href={href('products', info.row.original.product.id)}>No ASIN: add one</a>
      ) : (
        <a href={reviewHref(keyOf(info.row.original))}>{info.getValue()}</a>
      ),
  }),
  column.accessor('marketplace', { header: 'Marketplace', sortFn: 'text' }),
  column.accessor('variation', { header: 'Variation', sortFn: 'text' }),
  column.accessor((row) => (row.snapshot ? listingStatusLabels[row.snapshot.status] : ''), {
    id: 'status',
    header: 'Listing status',
    sortFn: 'text',
  }),
  column.accessor((row) => row.snapshot?.capturedAt ?? '', {
    id: 'captured',
    header: 'Captured',
    sortFn: 'text',
    cell: (info) => {
      const snapshot = info.row.original.snapshot
      return snapshot ? `${dates.day(snapshot.capturedAt)} by ${snapshot.capturedBy.name}` : '—'
    },
  }),
  column.accessor((row) => verdictLabels[verdictOf(row)], {
    id: 'verdict',
    header: 'Readiness',
    sortFn: 'text',
    cell: (info) => <span className={`readiness ${verdictOf(info.row.original)}`}>{info.getValue()}</span>,
  }),
  column.accessor(blockingText, { id: 'blocking', header: 'Blocking reasons', sortFn: 'text' }),
  // Each check's own finding, sortable and filterable like the rest; most are offered in the column chooser.
  ...checkIds.map((check) =>
    column.accessor(
      (row) => {
        const found = row.findings.find((f) => f.check === check)
        const decided = row.decided[check]
        if (!found) return ''
        return decided
          ? `${outcomeLabels[found.outcome]}, ${reviewVerdictLabels[decided].toLowerCase()}`
          : outcomeLabels[found.outcome]
      },
      {
        id: `check-${check}`,
        header: checkLabels[check],
        sortFn: 'text',
        cell: (info) =>
          info.getValue() === '' ? (
            '—'
          ) : (
            <span className={`outcome ${shownOutcome(info.row.original, check)}`}>{info.getValue()}</span>
          ),
      },
    ),
  ),
])

/** The colour a check's cell takes: its finding's, or, once a reviewer decided, what the decision makes of it. */
function shownOutcome(row: ReadinessRow, check: CheckId): string {
  const decided = row.decided[check]
  if (decided === 'accept') return 'pass'
  if (decided === 'reject') return 'fail'
  if (decided === 'needs-information') return 'needs-review'
  return row.findings.find((f) => f.check === check)?.outcome ?? ''
}

/** The check columns a first look shows; the others are one click away in Columns. */
// The listing status is a column already, in words.
const shownChecks: readonly CheckId[] = ['brand', 'model-number', 'image']
export const initiallyHiddenColumns = [
  'variation',
  ...checkIds.filter((check) => !shownChecks.includes(check)).map((check) => `check-${check}`),
]
