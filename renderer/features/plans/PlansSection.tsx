import type { Route } from '../../app/route'
import { PlanEditorPage } from './PlanEditorPage'
import { PlanImportPage } from './PlanImportPage'
import { PlansList } from './PlansList'

/** "#/plans", "#/plans/import[?plan=<planId>]" and "#/plans/<versionId>" (or "new"). */
export function PlansSection({ route }: { route: Route }) {
  if (!route.id) return <PlansList />
  if (route.id === 'import') {
    const planId = route.params.get('plan')
    return <PlanImportPage key={planId ?? ''} planId={planId} />
  }
  return <PlanEditorPage key={route.id} id={route.id} />
}
