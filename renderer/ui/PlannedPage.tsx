import { route, type Feature, type NavGroup } from '../app/feature'

/**
 * A section a later release builds, described as a feature whose one page says
 * so plainly instead of showing made-up data. That release replaces it with
 * the real feature in the same folder.
 */
export function plannedFeature<S extends string>(section: S, label: string, group: NavGroup, text: string): Feature<S> {
  function PlannedPage() {
    return (
      <section aria-labelledby="planned-title">
        <h1 id="planned-title">{label}</h1>
        <p className="notice">{text}</p>
      </section>
    )
  }
  return { section, label, group, routes: [route('', PlannedPage)] }
}
