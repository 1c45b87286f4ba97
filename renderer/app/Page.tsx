import type { Feature } from './feature'
import type { Section } from './sections'
import { href } from './route'
import { matchRoute } from './router'

type Props = {
  readonly feature: Feature<Section>
  readonly segments: readonly string[]
  readonly query: URLSearchParams
}

/** The feature's page for these segments; an address inside a section that no page answers says so. */
export function Page({ feature, segments, query }: Props) {
  const match = matchRoute(feature.routes, segments)
  if (!match) {
    return (
      <section aria-labelledby="not-found-title">
        <h1 id="not-found-title">Nothing is at this address</h1>
        <p className="notice">
          {feature.label} has no page at “{segments.join('/')}”.{' '}
          <a href={href(feature.section)}>Go to {feature.label}</a>
        </p>
      </section>
    )
  }
  const Component = match.route.page
  // Keyed by the whole path: another record at the same pattern is a fresh page, never the last one's state.
  return <Component key={[feature.section, ...segments].join('/')} params={match.params} query={query} />
}
