import type { Migration } from './migration'

/**
 * Version 1: the lab profile, products, hubs, skills, tested units and their
 * stored photos, plus drafts: what a person typed that is not valid yet.
 */
export const identityRecords: Migration = {
  version: 1,
  stores: {
    profile: 'id',
    products: 'id, modelNumber, brand, updatedAt',
    hubs: 'id, modelNumber, updatedAt',
    skills: 'id, skillId, updatedAt',
    units: 'id, productId, serialNumber, updatedAt',
    files: 'id, sha256',
    thumbnails: 'fileId',
    drafts: 'key, kind',
  },
}
