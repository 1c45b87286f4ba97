import { route, type Feature } from '../../app/feature'
import { plannedPage } from '../../ui/PlannedPage'

const AvailabilityPage = plannedPage(
  'Availability',
  'Availability tracking is not built yet. A later release records outages and computes availability against the badge thresholds.',
)

export const availabilityFeature: Feature<'availability'> = {
  section: 'availability',
  label: 'Availability',
  group: 'Certification',
  routes: [route('', AvailabilityPage)],
}
