import { useLiveQuery } from 'dexie-react-hooks'
import { href } from '../app/route'
import type { Section } from '../app/sections'
import { useRepos } from '../app/services-context'
import type { EntityKind } from '../../core/model/entity'
import { dates } from '../app/lab-dates'

/** New records that were started but never valid enough to save: listed so they can be finished, not lost. */
export function UnsavedDrafts({
  kind,
  section,
  exists,
}: {
  kind: EntityKind
  section: Section
  exists: (id: string) => Promise<unknown>
}) {
  const repos = useRepos()
  const drafts =
    useLiveQuery(
      () => repos.drafts.unsavedNew(kind, async (id) => (await exists(id)) !== undefined),
      [repos, kind, exists],
    ) ?? []
  if (drafts.length === 0) return null
  return (
    <section className="notice" aria-labelledby={`${kind}-drafts-title`}>
      <h2 id={`${kind}-drafts-title`}>Not saved yet</h2>
      <p>These were started but still have fields that need attention:</p>
      <ul className="link-list">
        {drafts.map((draft) => (
          <li key={draft.key}>
            <a href={href(section, draft.recordId)}>{draft.title}</a>{' '}
            <span className="muted">· last typed {dates.dateTime(draft.savedAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
