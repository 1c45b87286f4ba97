import { route, type Feature } from '../../app/feature'
import { PlanEditorPage } from './PlanEditorPage'
import { PlanImportPage } from './PlanImportPage'
import { PlansList } from './PlansList'

/** "#/plans", "#/plans/import[?plan=<planId>]" and "#/plans/<versionId>" (or "new"). */
export const plansFeature: Feature<'plans'> = {
  section: 'plans',
  label: 'Test plans',
  group: 'Certification',
  routes: [route('', PlansList), route('import', PlanImportPage), route(':id', PlanEditorPage)],
}
