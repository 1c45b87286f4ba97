import { useCallback, useEffect, useState } from 'react'
import type { AuditEntry } from '../../../core/audit/audit-entry'
import type { EntityRef } from '../../../core/model/entity'
import { countOf } from '../../../core/text/plural'
import { useRepos } from '../../app/services-context'
import { readChange, refsIn, type Names } from '../../../core/audit/read-change'
import { ChangeLine } from './ChangeLine'
import { worthShowingOnCreate } from './describe-change'
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
  const [shown, setShown] = useState<{ readonly entries: readonly AuditEntry[]; readonly names: Names }>()
  // Counted after the newest entries show: a product's trail is tens of thousands of index entries to walk.
  const [total, setTotal] = useState<number>()
  const [limit, setLimit] = useState(auditPageSize)
  const [round, setRound] = useState(0)
  const [whole, setWhole] = useState(false)

  useEffect(() => {
    let live = true
    // Read on request, not live: re-reading and re-checking after every key press would slow the runner.
    void repos.audit.newest(subject, { limit }).then(async (entries) => {
      // The names of every hub, photo or person the page points to, in one batch.
      const names = await repos.audit.names(refsIn(entries.flatMap((entry) => entry.changes)))
      if (!live) return
      setShown({ entries, names })
      void repos.audit.count(subject).then((n) => live && setTotal(n))
    })
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
        <button
          type="button"
          onClick={() => checkAgain(true)}
          disabled={status.state === 'checking' || status.state === 'checking-long'}
        >
          Check the whole trail
        </button>
      </p>
      <ChainLine status={status} />
      {shown.entries.length === 0 ? (
        <p className="muted">No entries yet.</p>
      ) : (
        <>
          <p className="muted">{describeShown(shown.entries.length, total, limit)}</p>
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
                    {actionWords[entry.action]} {entry.entity.label}
                  </td>
                  <td>
                    <ul className="changes">
                      {entry.changes
                        .filter((change) => entry.action !== 'create' || worthShowingOnCreate(change))
                        .map((change) => (
                          <li key={change.field}>
                            <ChangeLine change={readChange(change, shown.names, dates)} />
                          </li>
                        ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {(total === undefined ? shown.entries.length === limit : shown.entries.length < total) ? (
            <button type="button" onClick={() => setLimit((n) => n + auditPageSize)}>
              Show earlier entries
            </button>
          ) : null}
        </>
      )}
    </div>
  )
}

const actionWords: Readonly<Record<AuditEntry['action'], string>> = {
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
}

/** "The newest 100 entries of 11,522, newest first.", before the count arrives "The newest 100 entries, newest first." */
function describeShown(shown: number, total: number | undefined, limit: number): string {
  if (total !== undefined && shown >= total) return `${countOf(total, 'entry', 'entries')}, newest first.`
  if (total === undefined && shown < limit) return `${countOf(shown, 'entry', 'entries')}, newest first.`
  const of = total === undefined ? '' : ` of ${total.toLocaleString('en-US')}`
  return `The newest ${countOf(shown, 'entry', 'entries')}${of}, newest first.`
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
