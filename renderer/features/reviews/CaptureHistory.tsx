import { listingStatusLabels, type ListingSnapshot } from '../../../core/model/listing-snapshot'
import { dates } from '../../app/lab-dates'
import { reviewHref, type ListingKey } from './review-address'

type Props = {
  readonly listing: ListingKey
  readonly history: readonly ListingSnapshot[]
  readonly shownId: string
}

/** Every capture of the listing, newest first; each opens the review as it stood on that capture. */
export function CaptureHistory({ listing, history, shownId }: Props) {
  return (
    <ol className="capture-history" aria-label="Captures of this listing, newest first">
      {history.map((snapshot, index) => {
        const words = `${dates.dateTime(snapshot.capturedAt)} by ${snapshot.capturedBy.name}: ${listingStatusLabels[snapshot.status]}, ${snapshot.brand || 'no brand'} ${snapshot.modelNumber || 'no model number'}`
        return (
          <li key={snapshot.id}>
            {snapshot.id === shownId ? (
              <strong aria-current="true">{words} (shown)</strong>
            ) : (
              <a href={reviewHref(listing, index === 0 ? undefined : snapshot.id)}>{words}</a>
            )}
            {index === 0 ? <span className="muted"> — newest</span> : null}
          </li>
        )
      })}
    </ol>
  )
}
