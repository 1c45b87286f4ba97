import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { ErrorBoundary } from './ErrorBoundary'
import { FirstStart } from './FirstStart'
import { Navigation } from './Navigation'
import { Page } from './Page'
import { PlaceNotice } from './PlaceNotice'
import { useAddress } from './route'
import { featureOf, sections } from './sections'
import { useRepos } from './services-context'
import './shell.css'

/** The window: navigation on the left, the page at the address on the right. */
export function App() {
  const address = useAddress()
  // An address no feature claims lands on the first section, as a fresh start does.
  const feature = featureOf(address.section) ?? sections[0]
  const segments = feature.section === address.section ? address.segments : []
  const path = [feature.section, ...segments].join('/')
  const newLab = useNewLab()
  // A new installation opens on its first questions, kept until they are answered (the lab is not new after the
  // first); any section chosen in the navigation opens as usual and ends them.
  const unclaimed = featureOf(address.section) === undefined
  const [welcoming, setWelcoming] = useState(false)
  if (newLab && unclaimed && !welcoming) setWelcoming(true)
  if (!unclaimed && welcoming) setWelcoming(false)
  const welcome = unclaimed && (newLab || welcoming)
  return (
    <div className="app">
      <Navigation current={feature.section} />
      <main className="content">
        <PlaceNotice />
        <ErrorBoundary resetKey={path}>
          {welcome ? <FirstStart /> : <Page feature={feature} segments={segments} query={address.query} />}
        </ErrorBoundary>
      </main>
    </div>
  )
}

/** True for a lab that has nothing yet: no lab profile, and nothing ever recorded in its audit trail. */
function useNewLab(): boolean {
  const repos = useRepos()
  return (
    useLiveQuery(
      async () => (await repos.profile.get()) === undefined && (await repos.audit.entriesAfter(0, 1)).length === 0,
      [repos],
    ) ?? false
  )
}
