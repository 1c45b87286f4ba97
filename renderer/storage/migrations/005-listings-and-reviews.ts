import type { Migration } from './migration'

/**
 * Version 5: what a reviewer compares and decides. Listing snapshots (what an
 * ASIN's detail page showed in one marketplace) and skill-store snapshots, each
 * history one index read in capture order; review decisions by the ASIN and
 * marketplace they decide on; and the perceptual hashes of stored images, kept
 * beside the file so a comparison never decodes an image again. Only new
 * stores: no row an older release wrote changes.
 */
export const listingsAndReviews: Migration = {
  version: 5,
  stores: {
    listingSnapshots: 'id, [asin+marketplace+capturedAt], capturedAt',
    skillSnapshots: 'id, [skillId+marketplace+capturedAt], capturedAt',
    reviewDecisions: 'id, [productId+asin+marketplace], snapshotId, decidedAt',
    imageHashes: 'fileId',
  },
}
