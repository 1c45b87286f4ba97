import { ErrorBoundary } from './ErrorBoundary'
import { Navigation } from './Navigation'
import { Page } from './Page'
import { useAddress } from './route'
import { featureOf, sections } from './sections'
import './shell.css'

/** The window: navigation on the left, the page at the address on the right. */
export function App() {
  const address = useAddress()
  // An address no feature claims lands on the first section, as a fresh start does.
  const feature = featureOf(address.section) ?? sections[0]
  const segments = feature.section === address.section ? address.segments : []
  const path = [feature.section, ...segments].join('/')
  return (
    <div className="app">
      <Navigation current={feature.section} />
      <main className="content">
        <ErrorBoundary resetKey={path}>
          <Page feature={feature} segments={segments} query={address.query} />
        </ErrorBoundary>
      </main>
    </div>
  )
}
