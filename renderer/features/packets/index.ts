import { route, type Feature } from '../../app/feature'
import { plannedPage } from '../../ui/PlannedPage'

const PacketsPage = plannedPage(
  'Packets',
  'Signed packets are not built yet. A later release exports and verifies packets anyone can check with openssl and sha256sum.',
)

export const packetsFeature: Feature<'packets'> = {
  section: 'packets',
  label: 'Packets',
  group: 'Certification',
  routes: [route('', PacketsPage)],
}
