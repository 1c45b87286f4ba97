import { useLiveQuery } from 'dexie-react-hooks'
import { bestImagePair, type HashedImage } from '../../../core/rules/comparison/image-check'
import type { ComparisonSettings } from '../../../core/rules/comparison/settings'
import { useRepos } from '../../app/services-context'
import { Thumbnail } from '../../widgets/photos/Thumbnail'

type Props = {
  readonly listingImages: readonly HashedImage[]
  readonly testedImages: readonly HashedImage[]
  readonly settings: ComparisonSettings
}

const sourceWords = { listing: 'Listing image', reference: 'Reference image', unit: 'Photo of the unit' } as const

/**
 * The pair of images that decides the image check, side by side (each opens
 * full size, zoomable), with its distances; without a pair, every image of both
 * sides, for a person to compare.
 */
export function ImagePairView({ listingImages, testedImages, settings }: Props) {
  const repos = useRepos()
  const pair = bestImagePair(listingImages, testedImages, settings)
  const shown = pair ? [pair.listing, pair.tested] : [...listingImages, ...testedImages]
  const metas = useLiveQuery(
    () => repos.files.metas(shown.map((image) => image.fileId)),
    [repos, shown.map((i) => i.fileId).join(',')],
  )
  const metaOf = (image: HashedImage) => metas?.find((meta) => meta.id === image.fileId)
  if (shown.length === 0) return <p className="muted">Neither the listing nor what was tested has an image.</p>
  return (
    <div className="image-pair">
      {pair ? (
        <p>
          Closest pair: distance {pair.dDistance} (dHash) and {pair.pDistance} (pHash) of 64 bits; a near copy is at
          most {settings.dHashNearDuplicate} and {settings.pHashNearDuplicate}.
        </p>
      ) : (
        <p className="muted">No pair could be compared by hash yet: compare the images yourself.</p>
      )}
      <ul className="pair-images">
        {shown.map((image) => {
          const meta = metaOf(image)
          return (
            <li key={`${image.source}-${image.fileId}`}>
              <span className="pair-side">{sourceWords[image.source]}</span>
              {meta ? <Thumbnail file={meta} /> : <span className="muted">{image.name} (not stored)</span>}
            </li>
          )
        })}
      </ul>
    </div>
  )
}
