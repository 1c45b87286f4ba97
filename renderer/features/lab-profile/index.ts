import { route, type Feature } from '../../app/feature'
import { LabProfilePage } from './LabProfilePage'

export const labProfileFeature: Feature<'lab'> = {
  section: 'lab',
  label: 'Lab profile',
  group: 'Lab',
  routes: [route('', LabProfilePage)],
}
