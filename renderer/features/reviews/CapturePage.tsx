import { useEffect, useRef, useState } from 'react'
import { isArchived } from '../../../core/model/archived'
import { entityLabel } from '../../../core/model/entity'
import type { ListingStatus } from '../../../core/model/listing-snapshot'
import { describeProblem } from '../../../core/outcome'
import type { PageProps } from '../../app/feature'
import { dates } from '../../app/lab-dates'
import { navigate } from '../../app/route'
import { useRepos } from '../../app/services-context'
import { useLoadOnce } from '../../hooks/use-load-once'
import { SelectField, TextAreaField, TextField } from '../../ui/Field'
import { RecordNotFound } from '../../ui/RecordNotFound'
import { PhotoGallery } from '../../widgets/photos/PhotoGallery'
import { captureFrom, captureOf, emptyCapture, formFieldOf, statusOptions, type CaptureForm } from './capture-form'
import { reviewHref, type ListingKey } from './review-address'
import './reviews.css'

const lookFirst = 'Open the page, compare it with the fields, and tick “I looked at the page just now” to save.'
const draftIdOf = (key: ListingKey) => `${key.productId}|${key.marketplace}|${key.asin}`

/** Where the form starts: what was typed and not saved, else the newest capture to change, else blank. */
type Start = { readonly form: CaptureForm; readonly from: string | null }

/** "#/reviews/<product>/<marketplace>/<asin>/capture": what the ASIN's detail page shows now, typed in as a new snapshot. */
export function CapturePage({ params }: PageProps<':product/:marketplace/:asin/capture'>) {
  const repos = useRepos()
  const listing: ListingKey = { productId: params.product, marketplace: params.marketplace, asin: params.asin }
  const draftId = draftIdOf(listing)
  const loaded = useLoadOnce(async () => {
    const [product, history, draft] = await Promise.all([
      repos.products.get(listing.productId),
      repos.listings.history(listing.asin, listing.marketplace),
      repos.drafts.get('listing-snapshot', draftId),
    ])
    const newest = history[0]
    const start: Start = draft
      ? {
          form: { ...emptyCapture, ...(draft.value as Partial<CaptureForm>) },
          from:
            `what you typed on ${dates.dateTime(draft.savedAt)} and did not save` +
            (newest && newest.capturedAt > draft.savedAt
              ? ` (a newer capture, of ${dates.dateTime(newest.capturedAt)} by ${newest.capturedBy.name}, was saved since)`
              : ''),
        }
      : newest
        ? {
            form: captureFrom(newest),
            from: `the capture of ${dates.dateTime(newest.capturedAt)} by ${newest.capturedBy.name}`,
          }
        : { form: emptyCapture, from: null }
    return { product, start }
  }, draftId)
  if (loaded === undefined) return <p className="muted">Loading…</p>
  if (loaded.product === undefined) return <RecordNotFound section="reviews" what="product" />
  const product = loaded.product
  const title = `Capture ${listing.asin} in ${listing.marketplace}`
  return (
    <section aria-labelledby="capture-title" className="editor">
      <p>
        <a href={reviewHref(listing)}>
          ← {listing.asin} in {listing.marketplace}
        </a>
      </p>
      <header className="section-header">
        <div>
          <h1 id="capture-title">{title}</h1>
          <p className="muted">Listing of {entityLabel('product', product)}</p>
        </div>
      </header>
      {isArchived(product) ? (
        <p className="notice">{entityLabel('product', product)} is archived: restore it to capture its listings.</p>
      ) : (
        <CaptureEditor listing={listing} draftId={draftId} start={loaded.start} title={title} />
      )}
    </section>
  )
}

type EditorProps = {
  readonly listing: ListingKey
  readonly draftId: string
  readonly start: Start
  readonly title: string
}

function CaptureEditor({ listing, draftId, start, title }: EditorProps) {
  const repos = useRepos()
  const [form, setForm] = useState(start.form)
  const [problem, setProblem] = useState<{ message: string; field: keyof CaptureForm | undefined } | null>(null)
  const [saving, setSaving] = useState(false)
  const [looked, setLooked] = useState(false)
  const [edited, setEdited] = useState(false)

  // What is typed is in the journal at once and in the drafts a moment later: a kill loses none of it.
  const keeping = useRef<ReturnType<typeof setTimeout>>(undefined)
  useEffect(() => {
    if (!edited) return undefined
    repos.drafts.note('listing-snapshot', draftId, form, title)
    keeping.current = setTimeout(() => void repos.drafts.keep('listing-snapshot', draftId, form, title), 400)
    return () => clearTimeout(keeping.current)
  }, [repos, draftId, form, title, edited])
  /** Leaves the form: the draft goes, and no keep still on its way brings it back. */
  const leave = async () => {
    clearTimeout(keeping.current)
    setEdited(false)
    await repos.drafts.discard('listing-snapshot', draftId)
    navigate(reviewHref(listing))
  }

  // Changes apply to the form as it is then: images stored after a slow read join what is there by that time.
  const change = (update: (current: CaptureForm) => CaptureForm) => {
    setEdited(true)
    setForm(update)
  }
  const set =
    <K extends keyof CaptureForm>(field: K) =>
    (value: CaptureForm[K]) =>
      change((current) => ({ ...current, [field]: value }))
  const errorOf = (field: keyof CaptureForm) => (problem?.field === field ? problem.message : undefined)

  const save = async () => {
    // A capture says someone looked at the page now: one filled in from the last and saved unread would make a
    // stale listing fresh.
    if (!looked) {
      setProblem({ message: lookFirst, field: undefined })
      return
    }
    setSaving(true)
    const outcome = await repos.listings.capture(captureOf(listing, form))
    if (!outcome.ok) {
      setSaving(false)
      setProblem({ message: describeProblem(outcome.problem), field: formFieldOf(outcome.problem.field) })
      return
    }
    // Still saving until the page is left: nothing typed now would be kept, and a second Save would store it twice.
    await leave()
  }

  return (
    <form
      className="capture-form"
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      <fieldset className="capture-fields" disabled={saving}>
        <legend className="visually-hidden">What the page shows</legend>
        {start.from ? (
          <p className="notice">Filled in from {start.from}. Change what the page shows differently now.</p>
        ) : null}
        <div className="grid">
          <SelectField<ListingStatus>
            label="Status on the page"
            value={form.status}
            options={statusOptions}
            onChange={set('status')}
            error={errorOf('status')}
          />
          <TextField label="Brand" value={form.brand} onChange={set('brand')} error={errorOf('brand')} />
          <TextField
            label="Model number"
            value={form.modelNumber}
            onChange={set('modelNumber')}
            error={errorOf('modelNumber')}
          />
          <TextField
            label="Device type"
            value={form.deviceType}
            onChange={set('deviceType')}
            error={errorOf('deviceType')}
          />
          <TextField
            label="Hub ASIN named on the page"
            value={form.hubAsin}
            onChange={set('hubAsin')}
            error={errorOf('hubAsin')}
            hint="Blank when the page names no hub."
          />
          <TextField
            label="Hub requirement stated"
            value={form.hubRequirement}
            onChange={set('hubRequirement')}
            error={errorOf('hubRequirement')}
            placeholder="Requires Acme Hub"
          />
        </div>
        <div className="grid">
          <TextAreaField label="Title" value={form.title} onChange={set('title')} error={errorOf('title')} rows={2} />
          <TextAreaField
            label="In the box (one item per line)"
            value={form.bundle}
            onChange={set('bundle')}
            error={errorOf('bundle')}
            rows={3}
          />
          <TextAreaField
            label="Retail identifiers (one per line)"
            value={form.retailIds}
            onChange={set('retailIds')}
            error={errorOf('retailIds')}
            hint="As the page shows them: UPC-A 036000291452, or the digits alone."
            rows={2}
          />
          <TextField label="Page address" value={form.url} onChange={set('url')} error={errorOf('url')} />
        </div>
        <h2>Images on the page</h2>
        <PhotoGallery
          label="Images on the page"
          fileIds={form.imageIds}
          onAdd={(ids) =>
            change((c) => ({ ...c, imageIds: [...c.imageIds, ...ids.filter((id) => !c.imageIds.includes(id))] }))
          }
          onRemove={(id) => change((c) => ({ ...c, imageIds: c.imageIds.filter((each) => each !== id) }))}
        />
        {problem ? (
          <p className="field-error" role="alert">
            The capture was not saved: {problem.message}
          </p>
        ) : null}
        <label className="looked">
          <input type="checkbox" checked={looked} onChange={(event) => setLooked(event.target.checked)} /> I looked at
          the page just now, and this is what it shows
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={saving}>
            Save capture
          </button>
          <button type="button" onClick={() => void leave()} disabled={saving}>
            Discard this capture
          </button>
        </div>
      </fieldset>
    </form>
  )
}
