import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo, useState } from 'react'
import { entityLabel } from '../../../core/model/entity'
import { describeProblem } from '../../../core/outcome'
import { regionNames } from '../../../core/model/marketplace'
import { joinSession, sessionStateLabels, type Session } from '../../../core/model/session'
import type { PageProps } from '../../app/feature'
import { href } from '../../app/route'
import { useRepos } from '../../app/services-context'
import { useLoadOnce } from '../../hooks/use-load-once'
import { RecordNotFound } from '../../ui/RecordNotFound'
import { AuditTrail } from '../../widgets/audit-trail/AuditTrail'
import { Runner } from './runner/Runner'
import { SaveReport } from './report/SaveReport'
import './sessions.css'

/** One session: what was tested, by whom, where; its runner; its audit trail. */
export function SessionPage({ params }: PageProps<':id'>) {
  const { id } = params
  const repos = useRepos()
  const session = useSession(id)
  const results = useLoadOnce(() => repos.results.forSession(id), id)
  const facts = useLiveQuery(async () => {
    if (!session) return undefined
    const [product, unit] = await Promise.all([repos.products.get(session.productId), repos.units.get(session.unitId)])
    return { product, unit }
  }, [repos, session?.id, session?.productId, session?.unitId])
  const [showAudit, setShowAudit] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  if (session === undefined || results === undefined) return <p className="muted">Loading…</p>
  if (session === null) return <RecordNotFound section="sessions" what="session" />
  const start = async () => {
    const started = await repos.sessions.start(session.id)
    setProblem(started.ok ? null : describeProblem(started.problem))
  }
  return (
    <section aria-labelledby="session-title" className="session-page">
      <p>
        <a href={href('sessions')}>← Sessions</a>
      </p>
      <h1 id="session-title">
        {facts?.product ? entityLabel('product', facts.product) : 'Session'} · {session.plan.name} v
        {session.plan.version}
      </h1>
      <dl className="facts inline">
        <dt>Unit</dt>
        <dd>
          {/* As tested: the unit's record may have changed since (a firmware update for a retest). */}
          {facts?.unit ? (
            <a href={href('units', facts.unit.id)}>Serial {session.unitAsTested.serialNumber}</a>
          ) : (
            `Serial ${session.unitAsTested.serialNumber}`
          )}
          , firmware {session.unitAsTested.firmware}
          {session.unitAsTested.hardwareRevision ? `, hardware ${session.unitAsTested.hardwareRevision}` : ''}
        </dd>
        <dt>Tester</dt>
        <dd>{session.testerName}</dd>
        <dt>Scope</dt>
        <dd>
          {regionNames[session.region]}: {session.marketplaces.join(', ')}
        </dd>
        <dt>State</dt>
        <dd>{sessionStateLabels[session.state]}</dd>
        {session.rerunOf ? (
          <>
            <dt>Reruns</dt>
            <dd>
              {/* A rerun runs again what failed or was blocked in the session it names. */}
              <a href={href('sessions', session.rerunOf)}>the failed and blocked cases of an earlier session</a>
            </dd>
          </>
        ) : null}
      </dl>
      {session.state === 'draft' ? null : <SaveReport sessionId={session.id} />}
      {session.state === 'draft' ? (
        <p>
          <button type="button" className="primary" onClick={() => void start()}>
            Start session
          </button>
        </p>
      ) : null}
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <Runner session={session} results={results} />
      <details className="audit-details" open={showAudit} onToggle={(e) => setShowAudit(e.currentTarget.open)}>
        <summary>Audit trail of this session</summary>
        {showAudit ? <AuditTrail subject={{ kind: 'session', id: session.id }} /> : null}
      </details>
    </section>
  )
}

/**
 * The session, watched: starting or completing it changes what the runner allows.
 * Only its row is watched (each verdict updates its progress there); its cases are
 * read once, since a session's frozen plan never changes. The same object is given
 * while nothing but the progress changed, so a verdict does not redraw the page.
 */
function useSession(id: string): Session | null | undefined {
  const repos = useRepos()
  const summary = useLiveQuery(async () => (await repos.sessions.summary(id)) ?? null, [repos, id])
  const whole = useLoadOnce(async () => (await repos.sessions.get(id)) ?? null, id)
  const { decided: _decided, lastActivityAt: _last, ...own } = summary ?? {}
  const key = summary ? JSON.stringify(own) : String(summary)
  return useMemo(
    () =>
      summary === undefined || whole === undefined ? undefined : summary && whole && joinSession(summary, whole.plan),
    // Keyed by the session's own fields: a change of progress alone gives the same session.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, whole],
  )
}
