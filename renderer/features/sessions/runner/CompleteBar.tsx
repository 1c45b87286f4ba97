import { useState } from 'react'
import { listCaseIds } from '../../../../core/rules/session-summary'
import { useRepos } from '../../../app/services-context'
import type { Runner } from './use-runner'

/** Completes the session when every required case is decided, and says what the outcome was and why. */
export function CompleteBar({ runner }: { runner: Runner }) {
  const repos = useRepos()
  const [message, setMessage] = useState<string | null>(null)
  const { session, summary } = runner
  if (session.state !== 'running') {
    return (
      <p className={`session-outcome outcome-${session.outcome ?? 'none'}`} role="status">
        {session.outcome === 'failed'
          ? `Completed: failed. Required cases that failed: ${listCaseIds(summary.failedRequired) || 'none recorded'}.`
          : session.outcome === 'passed'
            ? 'Completed: passed. Every required case passed or does not apply.'
            : 'This session is not running.'}
      </p>
    )
  }
  const complete = async () => {
    await runner.notes.flush()
    try {
      // The page watches the session, so the runner turns read-only and shows the outcome.
      await repos.sessions.complete(session.id)
      setMessage(null)
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error))
    }
  }
  return (
    <>
      <button type="button" className="primary" onClick={() => void complete()}>
        Complete session
      </button>
      {message ? (
        <p className="field-error" role="alert">
          {message}
        </p>
      ) : null}
    </>
  )
}
