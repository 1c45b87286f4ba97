import { route, type Feature } from '../../app/feature'
import { plannedPage } from '../../ui/PlannedPage'

const ReviewsPage = plannedPage(
  'Reviews',
  'Listing reviews are not built yet. A later release compares each captured Amazon listing with the tested unit and records the reviewer’s decisions.',
)

export const reviewsFeature: Feature<'reviews'> = {
  section: 'reviews',
  label: 'Reviews',
  group: 'Certification',
  routes: [route('', ReviewsPage)],
}
