import { useId, useState } from 'react'
import { closingOutcomes, type ClosingOutcome } from '../../../../core/model/session'
import { describeProblem } from '../../../../core/outcome'
import { listCaseIds } from '../../../../core/rules/session-summary'
import { useRepos } from '../../../app/services-context'
import { SessionEnded } from './SessionEnded'
import type { Runner } from './use-runner'
import '../../../ui/ConfirmPanel.css'

type Asking = { readonly kind: 'complete' } | { readonly kind: 'close'; readonly outcome: ClosingOutcome }

const closeWords: Readonly<Record<ClosingOutcome, { button: string; question: string; confirm: string }>> = {
  incomplete: {
    button: 'Close as incomplete…',
    question: 'Close the session as incomplete?',
    confirm: 'Close as incomplete',
  },
  abandoned: { button: 'Abandon…', question: 'Abandon the session?', confirm: 'Abandon session' },
}

/**
 * Ends the session: completes it once every required case is decided, or
 * closes it as incomplete or abandoned with a reason. Each is final, so it asks
 * once, and every result stays as it is. Only one message shows at a time: a
 * new question clears the last refusal.
 */
export function CompleteBar({ runner }: { runner: Runner }) {
  const repos = useRepos()
  const reasonId = useId()
  const [message, setMessage] = useState<string | null>(null)
  const [asking, setAsking] = useState<Asking | null>(null)
  const [reason, setReason] = useState('')
  const { session, summary } = runner
  if (session.state !== 'running') return <SessionEnded session={session} summary={summary} />

  const ask = (next: Asking | null) => {
    setMessage(null)
    setAsking(next)
  }
  const storedFirst = async () => {
    if (await runner.storePending()) return true
    setMessage(
      'Some results are not stored yet (see above), so the session cannot end. Try again once they are stored.',
    )
    return false
  }
  const complete = async () => {
    ask(null)
    if (!(await storedFirst())) return
    // The page watches the session, so the runner turns read-only and shows the outcome.
    const completed = await repos.sessions.complete(session.id)
    setMessage(completed.ok ? null : describeProblem(completed.problem))
  }
  const close = async (outcome: ClosingOutcome) => {
    if (reason.trim() === '') {
      setMessage('Say why the session ends before every required case is decided.')
      return
    }
    if (!(await storedFirst())) return
    const closed = await repos.sessions.close(session.id, outcome, reason)
    if (closed.ok) ask(null)
    else setMessage(describeProblem(closed.problem))
  }
  const outcome = summary.outcome === 'failed' ? `failed (${listCaseIds(summary.failedRequired)} failed)` : 'passed'

  return (
    <>
      {asking?.kind === 'complete' && summary.outcome !== null ? (
        <span className="confirm" role="group" aria-label="Complete the session?">
          Complete as {outcome}? Results cannot change afterwards.{' '}
          <button type="button" className="primary" onClick={() => void complete()} autoFocus>
            Complete now
          </button>{' '}
          <button type="button" onClick={() => ask(null)}>
            Keep running
          </button>
        </span>
      ) : asking?.kind === 'close' ? (
        <div className="confirm-panel close-session" role="group" aria-label={closeWords[asking.outcome].question}>
          <p>
            <strong>{closeWords[asking.outcome].question}</strong> Every result stays as it is; the session can no
            longer change, and its failed and blocked cases can be run again in a new session.
          </p>
          <label htmlFor={reasonId}>Reason</label>
          <textarea
            id={reasonId}
            value={reason}
            autoFocus
            rows={2}
            maxLength={2000}
            onChange={(event) => setReason(event.target.value)}
          />
          <div className="confirm-panel__buttons">
            <button type="button" onClick={() => ask(null)}>
              Keep running
            </button>
            <button type="button" className="primary" onClick={() => void close(asking.outcome)}>
              {closeWords[asking.outcome].confirm}
            </button>
          </div>
        </div>
      ) : (
        <span className="end-session">
          <button
            type="button"
            className="primary"
            // Waits, like every entry, for the person working to agree to enter results in another tester's session.
            disabled={runner.readOnly}
            onClick={() => (summary.outcome === null ? void complete() : ask({ kind: 'complete' }))}
          >
            Complete session
          </button>
          {summary.outcome === null
            ? closingOutcomes.map((closing) => (
                <button
                  key={closing}
                  type="button"
                  disabled={runner.readOnly}
                  onClick={() => ask({ kind: 'close', outcome: closing })}
                >
                  {closeWords[closing].button}
                </button>
              ))
            : null}
        </span>
      )}
      {message ? (
        <p className="field-error" role="alert">
          {message}
        </p>
      ) : null}
    </>
  )
}
