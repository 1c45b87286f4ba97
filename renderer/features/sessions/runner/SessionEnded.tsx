import { useState } from 'react'
import { isActive } from '../../../../core/model/lab-profile'
import type { Session } from '../../../../core/model/session'
import { describeProblem } from '../../../../core/outcome'
import { listCaseIds, type SessionSummary as Counts } from '../../../../core/rules/session-summary'
import { countOf } from '../../../../core/text/plural'
import { dates } from '../../../app/lab-dates'
import { newId } from '../../../app/record-stamps'
import { href, navigate } from '../../../app/route'
import { useRepos } from '../../../app/services-context'
import { useWorkingAs } from '../../../app/working-as'

/** What an ended session says: how it ended, when and by whom, and why when it ended early. */
export function endedWords(
  session: Pick<Session, 'outcome' | 'completedAt' | 'completedBy' | 'closeReason'>,
  summary: Counts,
): string {
  const when = session.completedAt ? ` on ${dates.dateTime(session.completedAt)}` : ''
  const who = session.completedBy ? ` by ${session.completedBy.name}` : ''
  switch (session.outcome) {
    case 'failed':
      return `Completed: failed${when}${who}. Required cases that failed: ${listCaseIds(summary.failedRequired) || 'none recorded'}.`
    case 'passed':
      return `Completed: passed${when}${who}. Every required case passed or does not apply.`
    case 'incomplete':
      return `Closed as incomplete${when}${who}: ${session.closeReason ?? ''}`
    case 'abandoned':
      return `Abandoned${when}${who}: ${session.closeReason ?? ''}`
    case null:
      return 'Not running yet: start the session to record results.'
  }
}

/** An ended session: how it ended, and a rerun of what is left to prove when anything failed or was blocked. */
type EndedSession = Pick<
  Session,
  'id' | 'state' | 'outcome' | 'completedAt' | 'completedBy' | 'closeReason' | 'testerId' | 'testerName'
>

export function SessionEnded({ session, summary }: { session: EndedSession; summary: Counts }) {
  const repos = useRepos()
  const actor = useWorkingAs()
  const [problem, setProblem] = useState<string | null>(null)
  const again = summary.counts.failed + summary.counts.blocked + summary.counts.retest
  const ended = session.state === 'completed' || session.state === 'signed'

  const rerun = async () => {
    setProblem(null)
    // Whoever is working tests the rerun when they are a person of the lab; otherwise the first session's tester.
    const profile = await repos.profile.get()
    const person = profile?.people.find((p) => p.id === actor.id && isActive(p))
    const tester = person ? { id: person.id, name: person.name } : { id: session.testerId, name: session.testerName }
    const started = await repos.sessions.rerun(session.id, tester, newId())
    if (started.ok) navigate(href('sessions', started.value.id))
    else setProblem(describeProblem(started.problem))
  }

  return (
    <>
      <p className={`session-outcome outcome-${session.outcome ?? 'none'}`} role="status">
        {endedWords(session, summary)}
      </p>
      {ended && again > 0 ? (
        <button type="button" onClick={() => void rerun()}>
          Rerun failed and blocked cases ({countOf(again, 'case', 'cases')})
        </button>
      ) : null}
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
    </>
  )
}
