import { route, type Feature } from '../../app/feature'
import { UnitEditorPage } from './UnitEditorPage'
import { UnitsList } from './UnitsList'

export const unitsFeature: Feature<'units'> = {
  section: 'units',
  label: 'Tested units',
  group: 'Catalogue',
  routes: [route('', UnitsList), route(':id', UnitEditorPage)],
}
