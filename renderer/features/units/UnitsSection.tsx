import type { Route } from '../../app/route'
import { UnitEditorPage } from './UnitEditorPage'
import { UnitsList } from './UnitsList'

export function UnitsSection({ route }: { route: Route }) {
  return route.id ? <UnitEditorPage key={route.id} id={route.id} productId={route.params.get('product')} /> : <UnitsList />
}
