import { useState } from 'react'
import { describeProblem } from '../../../../core/outcome'
import { listCaseIds } from '../../../../core/rules/session-summary'
import { useRepos } from '../../../app/services-context'
import type { Runner } from './use-runner'

/**
 * Completes the session once every required case is decided. Completing is
 * final, so it asks once, stating the outcome, before it records it.
 */
export function CompleteBar({ runner }: { runner: Runner }) {
  const repos = useRepos()
  const [message, setMessage] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const { session, summary } = runner
  if (session.state !== 'running') {
    return (
      <p className={`session-outcome outcome-${session.outcome ?? 'none'}`} role="status">
        {session.outcome === 'failed'
          ? `Completed: failed. Required cases that failed: ${listCaseIds(summary.failedRequired) || 'none recorded'}.`
          : session.outcome === 'passed'
            ? 'Completed: passed. Every required case passed or does not apply.'
            : 'Not running yet: start the session to record results.'}
      </p>
    )
  }
  const complete = async () => {
    setConfirming(false)
    if (!(await runner.storePending())) {
      setMessage(
        'Some results are not stored yet (see above), so the session cannot complete. Try again once they are stored.',
      )
      return
    }
    // The page watches the session, so the runner turns read-only and shows the outcome.
    const completed = await repos.sessions.complete(session.id)
    setMessage(completed.ok ? null : describeProblem(completed.problem))
  }
  const outcome = summary.outcome === 'failed' ? `failed (${listCaseIds(summary.failedRequired)} failed)` : 'passed'
  return (
    <>
      {confirming && summary.outcome !== null ? (
        <span className="confirm" role="group" aria-label="Complete the session?">
          Complete as {outcome}? Results cannot change afterwards.{' '}
          <button type="button" className="primary" onClick={() => void complete()} autoFocus>
            Complete now
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Keep running
          </button>
        </span>
      ) : (
        <button
          type="button"
          className="primary"
          // Waits, like every entry, for the person working to agree to enter results in another tester's session.
          disabled={runner.readOnly}
          onClick={() => (summary.outcome === null ? void complete() : setConfirming(true))}
        >
          Complete session
        </button>
      )}
      {message ? (
        <p className="field-error" role="alert">
          {message}
        </p>
      ) : null}
    </>
  )
}
