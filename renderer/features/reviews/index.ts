import { route, type Feature } from '../../app/feature'
import { CapturePage } from './CapturePage'
import { ReadinessPage } from './ReadinessPage'
import { ReviewPage } from './ReviewPage'

export const reviewsFeature: Feature<'reviews'> = {
  section: 'reviews',
  label: 'Reviews',
  group: 'Certification',
  routes: [
    route('', ReadinessPage),
    route(':product/:marketplace/:asin/capture', CapturePage),
    route(':product/:marketplace/:asin', ReviewPage),
  ],
}
