import { route, type Feature } from '../../app/feature'
import { HubEditorPage } from './HubEditorPage'
import { HubsList } from './HubsList'

export const hubsFeature: Feature<'hubs'> = {
  section: 'hubs',
  label: 'Hubs',
  group: 'Catalogue',
  routes: [route('', HubsList), route(':id', HubEditorPage)],
}
