import { plannedFeature } from '../../ui/PlannedPage'

export const packetsFeature = plannedFeature(
  'packets',
  'Packets',
  'Certification',
  'Signed packets are not built yet. A later release exports and verifies packets anyone can check with openssl and sha256sum.',
)
