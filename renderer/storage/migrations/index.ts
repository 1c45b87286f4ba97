import { identityRecords } from './001-identity-records'
import { plansSessionsAudit } from './002-plans-sessions-audit'
import { summariesAndSubjects } from './003-summaries-and-subjects'
import { peopleInRecords } from './004-people-in-records'
import { listingsAndReviews } from './005-listings-and-reviews'
import { imageNames } from './006-image-names'
import type { Migration } from './migration'

/** Every released version in order. Never edit one that shipped: append a new one. */
export const migrations: readonly Migration[] = [
  identityRecords,
  plansSessionsAudit,
  summariesAndSubjects,
  peopleInRecords,
  listingsAndReviews,
  imageNames,
]
