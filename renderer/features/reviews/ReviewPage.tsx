import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo } from 'react'
import { isArchived } from '../../../core/model/archived'
import { entityLabel } from '../../../core/model/entity'
import { imagesToCompare, reviewOf, testedUnitOf } from '../../../core/rules/comparison/readiness-rows'
import type { PageProps } from '../../app/feature'
import { dates } from '../../app/lab-dates'
import { href } from '../../app/route'
import { useRepos } from '../../app/services-context'
import { RecordNotFound } from '../../ui/RecordNotFound'
import { CaptureHistory } from './CaptureHistory'
import { FindingItem } from './FindingItem'
import { ImagePairView } from './ImagePairView'
import { imagesOf, useHashingOfOlderImages, useListingHistory, useReviewCatalogue } from './queries'
import { captureHref, type ListingKey } from './review-address'
import { SideBySide } from './SideBySide'
import { SkillStoreCapture } from './SkillStoreCapture'
import './reviews.css'

/** "#/reviews/<product>/<marketplace>/<asin>": one listing against the tested unit, check by check, with decisions. */
export function ReviewPage({ params, query }: PageProps<':product/:marketplace/:asin'>) {
  const repos = useRepos()
  const listing: ListingKey = { productId: params.product, marketplace: params.marketplace, asin: params.asin }
  const catalogue = useReviewCatalogue()
  const history = useListingHistory(listing.asin, listing.marketplace)
  const wanted = query.get('snapshot')
  const snapshot = history?.find((s) => s.id === wanted) ?? history?.[0]
  // An earlier capture's images are not among the newest captures' the catalogue read.
  const ownImages = useLiveQuery(
    () => (snapshot ? imagesOf(repos, snapshot.imageIds) : undefined),
    [repos, snapshot?.id],
  )
  const product = catalogue?.products.find((p) => p.id === listing.productId)
  const withImages = useMemo(
    () => (catalogue && ownImages ? { ...catalogue, images: new Map([...catalogue.images, ...ownImages]) } : undefined),
    [catalogue, ownImages],
  )
  // Worked out once per answer of the queries, not on every render (a decision typed re-renders the page).
  const review = useMemo(() => {
    if (withImages === undefined || product === undefined || snapshot === undefined) return undefined
    const unit = testedUnitOf(product.id, withImages.units, withImages.sessions)
    return {
      unit,
      images: imagesToCompare(withImages, product, snapshot, unit),
      ...reviewOf(withImages, product, snapshot),
    }
  }, [withImages, product, snapshot])
  // Images stored before hashing existed are hashed once, the first time a review shows them.
  useHashingOfOlderImages(withImages)

  if (catalogue === undefined || history === undefined || (snapshot !== undefined && withImages === undefined))
    return <p className="muted">Loading…</p>
  if (product === undefined) return <RecordNotFound section="reviews" what="product" />
  const title = `${listing.asin} in ${listing.marketplace}`
  const listed = product.asins.some((a) => a.asin === listing.asin && a.marketplace === listing.marketplace)
  const header = (
    <>
      <p>
        <a href={href('reviews')}>← Badge readiness</a>
      </p>
      <header className="section-header">
        <div>
          <h1 id="review-title">{title}</h1>
          <p className="muted">
            Listing of <a href={href('products', product.id)}>{entityLabel('product', product)}</a>
          </p>
        </div>
        {listed && !isArchived(product) ? (
          <div className="actions">
            <a className="button primary" href={captureHref(listing)}>
              New capture
            </a>
          </div>
        ) : null}
      </header>
    </>
  )
  if (!listed)
    return (
      <section aria-labelledby="review-title">
        {header}
        <p className="notice">
          {entityLabel('product', product)} does not list {listing.asin} in {listing.marketplace} any more.
        </p>
      </section>
    )
  if (snapshot === undefined || withImages === undefined || review === undefined)
    return (
      <section aria-labelledby="review-title">
        {header}
        <p className="notice">
          Nothing of this listing is captured yet. <a href={captureHref(listing)}>Capture what its page shows</a> to
          compare it with what was tested.
        </p>
      </section>
    )

  const { findings, readiness, unit, images } = review
  const decisions = catalogue.decisions.filter(
    (d) => d.productId === product.id && d.asin === listing.asin && d.marketplace === listing.marketplace,
  )
  const newest = history[0]?.id === snapshot.id
  const readOnly = isArchived(product)
    ? `${entityLabel('product', product)} is archived: restore it to review its listings.`
    : newest
      ? null
      : 'This is an earlier capture: decisions are made on the newest.'
  const skill = catalogue.skills.find((s) => s.id === product.skillRecordId)

  return (
    <section aria-labelledby="review-title" className="review-page">
      {header}
      <p className="muted">
        Captured {dates.dateTime(snapshot.capturedAt)} by {snapshot.capturedBy.name}
        {snapshot.url ? <> from {snapshot.url}</> : null}.
      </p>
      {readOnly ? <p className="notice">{readOnly}</p> : null}
      <div className={`readiness-verdict ${readiness.ready ? 'ready' : 'blocked'}`} role="status">
        {readiness.ready ? (
          <p>
            <strong>Ready for the badge.</strong>{' '}
            {readiness.accepted.length > 0 ? `${readiness.accepted.length} accepted by a reviewer.` : ''}
          </p>
        ) : (
          <>
            <p>
              <strong>Not ready:</strong>
            </p>
            <ul>
              {readiness.blocking.map((reason) => (
                <li key={reason.check}>{reason.reason}</li>
              ))}
            </ul>
          </>
        )}
      </div>
      <SideBySide
        snapshot={snapshot}
        product={product}
        hub={catalogue.hubs.find((h) => h.id === product.hubId)}
        unit={unit}
      />
      <h2>Product image</h2>
      <ImagePairView {...images} settings={withImages.settings} />
      <h2>Checks</h2>
      <ul className="findings">
        {findings.map((finding) => (
          <FindingItem
            // A newer capture arriving is a new review: nothing typed for the old one is filed on it.
            key={`${snapshot.id}:${finding.check}`}
            listing={listing}
            snapshotId={snapshot.id}
            finding={finding}
            decisions={decisions.filter((d) => d.check === finding.check)}
            readOnly={readOnly}
            capture={
              finding.check === 'skill' && skill ? (
                <SkillStoreCapture skill={skill} marketplace={listing.marketplace} />
              ) : undefined
            }
          />
        ))}
      </ul>
      <h2>Captures</h2>
      <CaptureHistory listing={listing} history={history} shownId={snapshot.id} />
    </section>
  )
}
