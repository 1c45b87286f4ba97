import { useMemo, useState } from 'react'
import {
  readinessRows,
  type CatalogueForReview,
  type ReadinessRow,
} from '../../../core/rules/comparison/readiness-rows'
import { countOf } from '../../../core/text/plural'
import { href } from '../../app/route'
import { DataTable } from '../../table/DataTable'
import { SelectField } from '../../ui/Field'
import { useHashingOfOlderImages, useReviewCatalogue } from './queries'
import { initiallyHiddenColumns, readinessColumns, verdictLabels, verdictOf } from './readiness-columns'
import './reviews.css'

type Shown = 'all' | ReturnType<typeof verdictOf>

const shownOptions: readonly { value: Shown; label: string }[] = [
  { value: 'all', label: 'Every listing' },
  { value: 'blocked', label: 'Not ready' },
  { value: 'not-captured', label: 'Not captured' },
  { value: 'ready', label: 'Ready' },
]

/** The rows worked out from each catalogue, so the matrix opened again on the catalogue kept since shows them at once. */
const worked = new WeakMap<CatalogueForReview, ReadinessRow[]>()
function rowsOf(catalogue: CatalogueForReview): ReadinessRow[] {
  let rows = worked.get(catalogue)
  if (rows === undefined) worked.set(catalogue, (rows = readinessRows(catalogue)))
  return rows
}

const rowId = (row: ReadinessRow) => `${row.product.id}|${row.marketplace}|${row.asin}`

/** "#/reviews": badge readiness of every product's ASIN in every marketplace, with why each is not ready. */
export function ReadinessPage() {
  const catalogue = useReviewCatalogue()
  useHashingOfOlderImages(catalogue)
  const [shown, setShown] = useState<Shown>('all')
  const rows = useMemo(() => (catalogue === undefined ? undefined : rowsOf(catalogue)), [catalogue])
  const counts = useMemo(() => {
    const by = { ready: 0, blocked: 0, 'not-captured': 0 }
    for (const row of rows ?? []) by[verdictOf(row)] += 1
    return by
  }, [rows])
  const visible = useMemo(
    () => (rows ?? []).filter((row) => shown === 'all' || verdictOf(row) === shown),
    [rows, shown],
  )

  return (
    <section aria-labelledby="reviews-title">
      <header className="section-header">
        <h1 id="reviews-title">Badge readiness</h1>
        <a className="button" href={href('reviews', 'import')}>
          Import listings…
        </a>
      </header>
      {rows === undefined ? (
        <p className="muted">Loading…</p>
      ) : rows.length === 0 ? (
        <p className="notice">
          No product lists an ASIN yet. Add each product’s ASINs per marketplace on its page; every one is then reviewed
          here.
        </p>
      ) : (
        <>
          <p className="readiness-summary">
            {(['ready', 'blocked', 'not-captured'] as const).map((verdict) => (
              <span key={verdict} className={`readiness ${verdict}`}>
                {verdictLabels[verdict]}: {counts[verdict]}
              </span>
            ))}
            <span className="muted">of {countOf(rows.length, 'listing', 'listings')}</span>
          </p>
          <div className="grid readiness-filter">
            <SelectField label="Show" value={shown} options={shownOptions} onChange={setShown} />
          </div>
          <DataTable
            label="Listings"
            columns={readinessColumns}
            data={visible}
            rowId={rowId}
            empty="No listing is in this state."
            initiallyHidden={initiallyHiddenColumns}
            rowsShown="scroll"
          />
        </>
      )}
    </section>
  )
}
