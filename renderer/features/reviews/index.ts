import { route, type Feature } from '../../app/feature'
import { CapturePage } from './CapturePage'
import { ListingImportPage } from './ListingImportPage'
import { ReadinessPage } from './ReadinessPage'
import { ReviewPage } from './ReviewPage'

export const reviewsFeature: Feature<'reviews'> = {
  section: 'reviews',
  label: 'Reviews',
  group: 'Certification',
  routes: [
    route('', ReadinessPage),
    route('import', ListingImportPage),
    route(':product/:marketplace/:asin/capture', CapturePage),
    route(':product/:marketplace/:asin', ReviewPage),
  ],
}
