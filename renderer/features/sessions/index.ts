import { route, type Feature } from '../../app/feature'
import { NewSessionPage } from './NewSessionPage'
import { SessionPage } from './SessionPage'
import { SessionsList } from './SessionsList'

/** "#/sessions", "#/sessions/new[?product=…&unit=…]" and "#/sessions/<id>" (the runner). */
export const sessionsFeature: Feature<'sessions'> = {
  section: 'sessions',
  label: 'Sessions',
  group: 'Certification',
  routes: [route('', SessionsList), route('new', NewSessionPage), route(':id', SessionPage)],
}
