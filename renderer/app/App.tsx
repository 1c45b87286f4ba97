import { assertNever } from '../../core/assert-never'
import { HubsSection } from '../features/hubs/HubsSection'
import { LabProfilePage } from '../features/lab-profile/LabProfilePage'
import { PlannedSection } from '../features/planned/PlannedSection'
import { PlansSection } from '../features/plans/PlansSection'
import { SessionsSection } from '../features/sessions/SessionsSection'
import { ProductsSection } from '../features/products/ProductsSection'
import { SettingsPage } from '../features/settings/SettingsPage'
import { SkillsSection } from '../features/skills/SkillsSection'
import { UnitsSection } from '../features/units/UnitsSection'
import { ErrorBoundary } from './ErrorBoundary'
import { Navigation } from './Navigation'
import { useRoute, type Route } from './route'

/** The window: navigation on the left, the chosen section on the right. */
export function App() {
  const route = useRoute()
  return (
    <div className="app">
      <Navigation current={route.section} />
      <main className="content">
        <ErrorBoundary resetKey={`${route.section}/${route.id ?? ''}`}>
          <Section route={route} />
        </ErrorBoundary>
      </main>
    </div>
  )
}

function Section({ route }: { route: Route }) {
  switch (route.section) {
    case 'products':
      return <ProductsSection route={route} />
    case 'units':
      return <UnitsSection route={route} />
    case 'hubs':
      return <HubsSection route={route} />
    case 'skills':
      return <SkillsSection route={route} />
    case 'lab':
      return <LabProfilePage />
    case 'settings':
      return <SettingsPage />
    case 'plans':
      return <PlansSection route={route} />
    case 'sessions':
      return <SessionsSection route={route} />
    case 'reviews':
    case 'availability':
    case 'packets':
      return <PlannedSection section={route.section} />
    default:
      return assertNever(route.section)
  }
}
