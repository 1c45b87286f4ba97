import { useState } from 'react'
import type { AuditChange } from '../../../core/audit/audit-entry'
import { useRepos } from '../../app/services-context'
import { useLoadOnce } from '../../hooks/use-load-once'

type Entity = { readonly kind: string; readonly id: string }

/** The audit entries about some records, and whether the hash chain behind them still verifies. */
export function AuditTrail({ entities }: { entities: readonly Entity[] }) {
  const repos = useRepos()
  const [round, setRound] = useState(0)
  const key = entities.map((e) => `${e.kind}:${e.id}`).join(',')
  // Checked on request, not live: verifying the whole chain after every key press would slow the runner.
  const view = useLoadOnce(() => repos.audit.view(entities), `${key}#${round}`)
  if (!view) return <p className="muted">Checking the audit trail…</p>
  const suspect = (seq: number) => !view.verdict.intact && seq >= view.verdict.firstBad
  return (
    <div className="audit-trail">
      <button type="button" onClick={() => setRound((n) => n + 1)}>
        Check again
      </button>
      {view.verdict.intact ? (
        <p className="verdict-pass" role="status">
          Intact: all {view.verdict.count} entries of the audit trail verify.
        </p>
      ) : (
        <p className="field-error" role="alert">
          Not intact: {view.verdict.reason} Entries from {view.verdict.firstBad} on cannot be trusted.
        </p>
      )}
      {view.entries.length === 0 ? (
        <p className="muted">No entries yet.</p>
      ) : (
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
            {view.entries.map((entry) => (
              <tr key={entry.seq} className={suspect(entry.seq) ? 'suspect' : undefined}>
                <td>
                  {entry.seq}
                  {suspect(entry.seq) ? <span className="visually-hidden"> (cannot be trusted)</span> : null}
                </td>
                <td>{new Date(entry.at).toLocaleString()}</td>
                <td>{entry.actor.name}</td>
                <td>
                  {entry.action} {entry.entity.label}
                </td>
                <td>
                  <ul className="changes">
                    {entry.changes.filter((change) => entry.action !== 'create' || worthShowingOnCreate(change)).map((change) => (
                      <li key={change.field}>{describeChange(change)}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}

const isEmpty = (value: unknown) => value === '' || value === null || (Array.isArray(value) && value.length === 0)

/** A new record lists what was filled in; ids, stamps and empty fields tell a reviewer nothing. */
function worthShowingOnCreate(change: AuditChange): boolean {
  return !isEmpty(change.after) && change.field !== 'id' && change.field !== 'createdAt' && !/Id$/.test(change.field)
}

const shown = (value: unknown): string => {
  if (value === undefined) return '—'
  if (value === '') return '(empty)'
  if (value === null || (Array.isArray(value) && value.length === 0)) return '(none)'
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > 80 ? `${text.slice(0, 77)}…` : text
}

function describeChange(change: AuditChange): string {
  return change.before === undefined ? `${change.field}: ${shown(change.after)}` : `${change.field}: ${shown(change.before)} → ${shown(change.after)}`
}
