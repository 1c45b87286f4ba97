import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useState } from 'react'
import { afterFirstPaint } from '../../app/after-first-paint'
import { href } from '../../app/route'
import { useRepos } from '../../app/services-context'
import { countCases, describeSource } from './plan-labels'
import { dates } from '../../app/lab-dates'

/** Every version of the plan, newest first, marking the one on screen and those a session ran. */
export function PlanHistory({ planId, currentId }: { planId: string; currentId: string }) {
  const repos = useRepos()
  // Read once the editor has painted: every version comes with all its cases, megabytes on a large plan,
  // and reading them first held up the grid the tester opened the page for.
  const [painted, setPainted] = useState(false)
  useEffect(() => afterFirstPaint(() => setPainted(true)), [])
  const versions = useLiveQuery(
    async () =>
      painted
        ? Promise.all(
            (await repos.plans.versionsOf(planId)).map(async (v) => ({ v, used: await repos.plans.isUsed(v.id) })),
          )
        : undefined,
    [repos, planId, painted],
  )
  if (versions === undefined) return null
  return (
    <section aria-labelledby="plan-history-title">
      <h2 id="plan-history-title">Version history</h2>
      <ol className="link-list plan-history" reversed>
        {versions.map(({ v, used }) => {
          const label = `Version ${v.version}`
          return (
            <li key={v.id}>
              {v.id === currentId ? (
                <strong aria-current="page">{label} (shown)</strong>
              ) : (
                <a href={href('plans', v.id)}>{label}</a>
              )}{' '}
              <span className="muted">
                · {countCases(v.cases.length)} · {describeSource(v.source)} · saved {dates.dateTime(v.updatedAt)}
                {used ? ' · run by a session' : ''}
              </span>
            </li>
          )
        })}
      </ol>
    </section>
  )
}
