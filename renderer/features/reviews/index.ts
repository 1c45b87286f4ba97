import { plannedFeature } from '../../ui/PlannedPage'

export const reviewsFeature = plannedFeature(
  'reviews',
  'Reviews',
  'Certification',
  'Listing reviews are not built yet. A later release compares each captured Amazon listing with the tested unit and records the reviewer’s decisions.',
)
