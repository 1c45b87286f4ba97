import { href, type Section } from './route'
import { WorkingAsPicker } from './WorkingAsPicker'

const groups: readonly { readonly title: string; readonly items: readonly { section: Section; label: string }[] }[] = [
  {
    title: 'Catalogue',
    items: [
      { section: 'products', label: 'Products' },
      { section: 'units', label: 'Tested units' },
      { section: 'hubs', label: 'Hubs' },
      { section: 'skills', label: 'Skills' },
    ],
  },
  {
    title: 'Certification',
    items: [
      { section: 'plans', label: 'Test plans' },
      { section: 'sessions', label: 'Sessions' },
      { section: 'reviews', label: 'Reviews' },
      { section: 'availability', label: 'Availability' },
      { section: 'packets', label: 'Packets' },
    ],
  },
  {
    title: 'Lab',
    items: [
      { section: 'lab', label: 'Lab profile' },
      { section: 'settings', label: 'Settings' },
    ],
  },
]

export function Navigation({ current }: { current: Section }) {
  return (
    <nav className="sidebar" aria-label="Sections">
      <p className="brand">WWA Lab</p>
      <WorkingAsPicker />
      {groups.map((group) => (
        <div key={group.title} className="nav-group">
          <p className="nav-title">{group.title}</p>
          <ul>
            {group.items.map((item) => (
              <li key={item.section}>
                <a href={href(item.section)} aria-current={item.section === current ? 'page' : undefined}>
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  )
}
