import { useCallback, useEffect, useState } from 'react'
import type { AuditEntry } from '../../../core/audit/audit-entry'
import type { EntityRef } from '../../../core/model/entity'
import { countOf } from '../../../core/text/plural'
import { useRepos } from '../../app/services-context'
import { describeChange, worthShowingOnCreate } from './describe-change'
import { useChainCheck, type ChainStatus } from './use-chain-check'
import './AuditTrail.css'
import { dates } from '../../app/lab-dates'

/** Entries shown at once, and added by each "Show earlier entries": a product's trail can hold tens of thousands. */
export const auditPageSize = 100

/**
 * The audit entries about a record and everything that belongs to it (a
 * product's units, sessions and results), newest first, a page at a time, and
 * whether the hash chain behind them still verifies.
 */
export function AuditTrail({ subject }: { subject: EntityRef }) {
  const repos = useRepos()
  const [shown, setShown] = useState<{ readonly entries: readonly AuditEntry[]; readonly total: number }>()
  const [limit, setLimit] = useState(auditPageSize)
  const [round, setRound] = useState(0)
  const [whole, setWhole] = useState(false)

  useEffect(() => {
    let live = true
    // Read on request, not live: re-reading and re-checking after every key press would slow the runner.
    void repos.audit.page(subject, { limit }).then((page) => live && setShown(page))
    return () => {
      live = false
    }
  }, [repos, subject.kind, subject.id, limit, round]) // eslint-disable-line react-hooks/exhaustive-deps -- the subject by value
  const status = useChainCheck(shown?.entries, whole)
  const checkAgain = useCallback((everything: boolean) => {
    setWhole(everything)
    setRound((n) => n + 1)
  }, [])

  if (!shown) return <p className="muted">Checking the audit trail…</p>
  const suspect = (seq: number) => status.state === 'done' && !status.verdict.intact && seq >= status.verdict.firstBad
  return (
    <div className="audit-trail">
      <p className="audit-actions">
        <button type="button" onClick={() => checkAgain(false)}>
          Check again
        </button>{' '}
        <button type="button" onClick={() => checkAgain(true)} disabled={status.state === 'checking' || status.state === 'checking-long'}>
          Check the whole trail
        </button>
      </p>
      <ChainLine status={status} />
      {shown.entries.length === 0 ? (
        <p className="muted">No entries yet.</p>
      ) : (
        <>
          <p className="muted">
            {shown.entries.length < shown.total
              ? `The newest ${countOf(shown.entries.length, 'entry', 'entries')} of ${shown.total.toLocaleString('en-US')}, newest first.`
              : `${countOf(shown.total, 'entry', 'entries')}, newest first.`}
          </p>
          <table aria-label="Audit entries">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Change</th>
              </tr>
            </thead>
            <tbody>
              {[...shown.entries].reverse().map((entry) => (
                <tr key={entry.seq} className={suspect(entry.seq) ? 'suspect' : undefined}>
                  <td>
                    {entry.seq}
                    {suspect(entry.seq) ? <span className="visually-hidden"> (cannot be trusted)</span> : null}
                  </td>
                  <td>{dates.dateTime(entry.at)}</td>
                  <td>{entry.actor.name}</td>
                  <td>
                    {entry.action} {entry.entity.label}
                  </td>
                  <td>
                    <ul className="changes">
                      {entry.changes
                        .filter((change) => entry.action !== 'create' || worthShowingOnCreate(change))
                        .map((change) => (
                          <li key={change.field}>{describeChange(change)}</li>
                        ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {shown.entries.length < shown.total ? (
            <button type="button" onClick={() => setLimit((n) => n + auditPageSize)}>
              Show earlier entries
            </button>
          ) : null}
        </>
      )}
    </div>
  )
}

function ChainLine({ status }: { status: ChainStatus }) {
  if (status.state === 'checking') return <p className="muted">Checking the audit trail…</p>
  if (status.state === 'not-checked') {
    return (
      <p className="status-warn chain-line" role="status">
        Not checked: {status.message}
      </p>
    )
  }
  if (status.state === 'checking-long') {
    const { checked, total } = status.progress
    return (
      <div className="audit-progress">
        <progress aria-label="Checking the audit trail" max={total} value={checked} />
        <p className="muted" role="status">
          Checking {countOf(total, 'entry', 'entries')} added since the trail was last checked, in the background…
        </p>
      </div>
    )
  }
  const { verdict } = status
  return verdict.intact ? (
    <p className="status-good chain-line" role="status">
      Intact: all {verdict.count} entries of the audit trail verify.
    </p>
  ) : (
    <p className="field-error chain-line" role="alert">
      Not intact: {verdict.reason} Entries from {verdict.firstBad} on cannot be trusted.
    </p>
  )
}
