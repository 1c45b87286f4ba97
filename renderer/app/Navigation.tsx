import { navGroups } from './feature'
import { href } from './route'
import { sections, type Section } from './sections'
import { WorkingAsPicker } from './WorkingAsPicker'

/** The sidebar: every section, grouped as the features describe themselves, the current one marked. */
export function Navigation({ current }: { current: Section }) {
  return (
    <nav className="sidebar" aria-label="Sections">
      <p className="brand">WWA Lab</p>
      <WorkingAsPicker />
      {navGroups.map((group) => (
        <div key={group} className="nav-group">
          <p className="nav-title">{group}</p>
          <ul>
            {sections
              .filter((feature) => feature.group === group)
              .map((feature) => (
                <li key={feature.section}>
                  <a href={href(feature.section)} aria-current={feature.section === current ? 'page' : undefined}>
                    {feature.label}
                  </a>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </nav>
  )
}
