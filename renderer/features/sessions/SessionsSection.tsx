import type { Route } from '../../app/route'
import { NewSessionPage } from './NewSessionPage'
import { SessionPage } from './SessionPage'
import { SessionsList } from './SessionsList'

export function SessionsSection({ route }: { route: Route }) {
  if (!route.id) return <SessionsList />
  if (route.id === 'new') return <NewSessionPage productId={route.params.get('product')} unitId={route.params.get('unit')} />
  return <SessionPage key={route.id} id={route.id} />
}
