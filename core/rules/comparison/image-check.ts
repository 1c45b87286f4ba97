import { halvesDistance, hashHalves } from '../image-hash'
import { finding, type Finding } from './finding'
import type { ComparisonSettings } from './settings'

/** An image with its perceptual hashes, stored with the photo when it was taken in (null: not hashed yet). */
export type HashedImage = {
  readonly fileId: string
  readonly name: string
  /** Where a tested image came from: the product's reference images or the unit's photos. */
  readonly source: 'listing' | 'reference' | 'unit'
  readonly dHash: string | null
  readonly pHash: string | null
}

/** The closest pair of a listing image and a tested image, by both hashes. */
export type ImagePair = {
  readonly listing: HashedImage
  readonly tested: HashedImage
  readonly dDistance: number
  readonly pDistance: number
}

const isHash = (hash: string | null): hash is string => hash !== null && /^[0-9a-f]{16}$/.test(hash)

/**
 * The pair that decides: among pairs that are near copies by both hashes, else among all, the one with the smallest
 * summed distance; undefined when no pair has both hashes on both sides (a malformed stored hash counts as none).
 */
export function bestImagePair(
  listing: readonly HashedImage[],
  tested: readonly HashedImage[],
  settings: ComparisonSettings,
): ImagePair | undefined {
  const near = (p: ImagePair) =>
    p.dDistance <= settings.dHashNearDuplicate && p.pDistance <= settings.pHashNearDuplicate
  // Each image's hashes read once, not once per pair.
  const withHashes = (list: readonly HashedImage[]) =>
    list.flatMap((image) =>
      isHash(image.dHash) && isHash(image.pHash)
        ? [{ image, d: hashHalves(image.dHash), p: hashHalves(image.pHash) }]
        : [],
    )
  const testedHashes = withHashes(tested)
  let best: ImagePair | undefined
  for (const l of withHashes(listing))
    for (const t of testedHashes) {
      const pair = {
        listing: l.image,
        tested: t.image,
        dDistance: halvesDistance(l.d, t.d),
        pDistance: halvesDistance(l.p, t.p),
      }
      const better =
        best === undefined ||
        (near(pair) && !near(best)) ||
        (near(pair) === near(best) && pair.dDistance + pair.pDistance < best.dDistance + best.pDistance)
      if (better) best = pair
    }
  return best
}

const sourceWords = { listing: 'listing image', reference: 'reference image', unit: 'photo of the unit' } as const

/**
 * SPEC §4 product image: every listing image against every reference image and unit photo; the closest pair
 * decides. A near-duplicate by both hashes passes; anything else needs review, side by side: perceptual hashes
 * know the same picture re-encoded or resized, not a bench photo of the same device, so the machine never fails an image.
 */
export function checkImage(
  listing: readonly HashedImage[],
  tested: readonly HashedImage[],
  settings: ComparisonSettings,
): Finding {
  if (listing.length === 0)
    return finding('image', 'needs-review', 'The snapshot has no image of the listing: capture one, or decide.', [])
  if (tested.length === 0)
    return finding(
      'image',
      'needs-review',
      'The product has no reference image and the unit no photo to compare with.',
      [],
    )
  const pair = bestImagePair(listing, tested, settings)
  if (!pair)
    return finding(
      'image',
      'needs-review',
      'The images have no perceptual hashes yet (photos stored by an older version are hashed in the background; one that cannot be decoded stays without): compare them yourself and decide.',
      [],
    )
  const evidence = [
    { label: 'Closest listing image', value: pair.listing.name },
    { label: `Closest ${sourceWords[pair.tested.source]}`, value: pair.tested.name },
    { label: 'Distance (dHash, pHash, of 64 bits)', value: `${pair.dDistance}, ${pair.pDistance}` },
  ]
  const near = pair.dDistance <= settings.dHashNearDuplicate && pair.pDistance <= settings.pHashNearDuplicate
  return finding(
    'image',
    near ? 'pass' : 'needs-review',
    near
      ? `Listing image ${pair.listing.name} is the same picture as ${sourceWords[pair.tested.source]} ${pair.tested.name} (distances ${pair.dDistance} and ${pair.pDistance}).`
      : `No listing image is a near copy of an image of what was tested; the closest pair (distances ${pair.dDistance} and ${pair.pDistance}) is shown side by side for you to decide.`,
    evidence,
    { similarity: 1 - (pair.dDistance + pair.pDistance) / 128 },
  )
}
