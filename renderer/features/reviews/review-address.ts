import { href } from '../../app/route'

/** One product's ASIN in one marketplace: what a review is of. */
export type ListingKey = { readonly productId: string; readonly marketplace: string; readonly asin: string }

/** "#/reviews/<product>/<marketplace>/<asin>", with ?snapshot=<id> for an older capture. */
export const reviewHref = (key: ListingKey, snapshotId?: string): string =>
  href('reviews', [key.productId, key.marketplace, key.asin], snapshotId ? { snapshot: snapshotId } : undefined)

export const captureHref = (key: ListingKey): string =>
  href('reviews', [key.productId, key.marketplace, key.asin, 'capture'])
