import { plannedFeature } from '../../ui/PlannedPage'

export const availabilityFeature = plannedFeature(
  'availability',
  'Availability',
  'Certification',
  'Availability tracking is not built yet. A later release records outages and computes availability against the badge thresholds.',
)
