import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import type { Product } from '../../../core/model/product'
import { sessionStateLabels } from '../../../core/model/session'
import { href } from '../../app/route'
import { useRepos } from '../../app/services-context'
import { AuditTrail } from '../../widgets/audit-trail/AuditTrail'
import { OutcomeBadge } from '../../ui/OutcomeBadge'
import { dates } from '../../app/lab-dates'

/** Every session run on this product, newest first, with the unit and outcome: how retests after a fix went. */
export function ProductHistory({ product }: { product: Product }) {
  const repos = useRepos()
  const [showAudit, setShowAudit] = useState(false)
  const history = useLiveQuery(async () => {
    const sessions = await repos.sessions.forProduct(product.id)
    const unit = (s: (typeof sessions)[number]) =>
      `${s.unitAsTested.serialNumber} (firmware ${s.unitAsTested.firmware})`
    return { sessions: sessions.map((s) => ({ session: s, unit: unit(s) })) }
  }, [repos, product.id])
  return (
    <section aria-labelledby="product-history-title">
      <h2 id="product-history-title">Sessions</h2>
      {!history || history.sessions.length === 0 ? (
        <p className="muted">No sessions run on this product yet.</p>
      ) : (
        <ul className="link-list">
          {history.sessions.map(({ session, unit }) => (
            <li key={session.id}>
              <a href={href('sessions', session.id)}>
                {dates.day(session.startedAt ?? session.createdAt)} · {session.plan.name} v{session.plan.version}
              </a>{' '}
              · unit {unit} · {sessionStateLabels[session.state]}
              {session.outcome ? (
                <>
                  {' '}
                  <OutcomeBadge outcome={session.outcome} />
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <a className="button" href={href('sessions', 'new', { product: product.id })}>
        New session for this product
      </a>
      <details className="audit-details" open={showAudit} onToggle={(e) => setShowAudit(e.currentTarget.open)}>
        <summary>Audit trail of this product, its units and sessions</summary>
        {showAudit ? <AuditTrail subject={{ kind: 'product', id: product.id }} /> : null}
      </details>
    </section>
  )
}
