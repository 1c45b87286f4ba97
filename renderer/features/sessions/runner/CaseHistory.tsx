import type { Session } from '../../../../core/model/session'
import { href } from '../../../app/route'
import { useRepos } from '../../../app/services-context'
import { useLoadOnce } from '../../../hooks/use-load-once'
import { VerdictBadge } from '../../../ui/VerdictBadge'
import { dates } from '../../../app/lab-dates'

/** This case's verdicts and notes in the other sessions of the same plan: how a retest after a fix went, and why. */
export function CaseHistory({ session, caseId }: { session: Session; caseId: string }) {
  const repos = useRepos()
  // Read once per case: other sessions' verdicts do not change while this one runs.
  const earlier = useLoadOnce(async () => {
    // One index read for the case's results in this plan, then only the sessions they belong to.
    const results = (await repos.results.forPlanCase(session.plan.planId, caseId)).filter(
      (r) => r.sessionId !== session.id,
    )
    const sessions = await Promise.all(results.map((r) => repos.sessions.summary(r.sessionId)))
    return results
      .flatMap((result, index) => {
        const other = sessions[index]
        return other ? [{ result, other, unit: other.unitAsTested.serialNumber }] : []
      })
      .sort((a, b) => b.other.createdAt.localeCompare(a.other.createdAt))
  }, `${session.id}/${caseId}`)
  if (!earlier || earlier.length === 0) return null
  return (
    <section className="case-history" aria-label={`Earlier verdicts for case ${caseId}`}>
      <h3>Earlier verdicts</h3>
      <ul className="link-list">
        {earlier.map(({ result, other, unit }) => (
          <li key={other.id}>
            <a href={href('sessions', other.id)}>{dates.day(other.startedAt ?? other.createdAt)}</a> · unit {unit} ·
            plan v{other.plan.version}: <VerdictBadge verdict={result.verdict} />
            {result.notes.trim() !== '' ? <p className="case-history-notes pre">{result.notes}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
