import type { Product } from '../../../core/model/product'
import { entityLabel } from '../../../core/model/entity'
import { regionNames } from '../../../core/model/marketplace'
import { sessionOutcomeLabels, sessionStateLabels, type SessionSummary } from '../../../core/model/session'
import { dates } from '../../app/lab-dates'

/** A session as lists show it: names instead of ids, dates as the tester reads them. */
export type SessionRow = {
  readonly id: string
  /** What the session's link says: product, unit serial and plan, so a person knows which one it opens. */
  readonly name: string
  readonly product: string
  readonly unit: string
  readonly plan: string
  readonly region: string
  /** "12 / 30" decided of all cases; empty for a session stored before its progress was kept. */
  readonly progress: string
  /** Decided cases as a share of all, for sorting by progress. */
  readonly progressShare: number
  readonly tester: string
  readonly state: string
  readonly outcome: string
  readonly started: string
  readonly completed: string
  /** The instant a result last changed, or the session itself when none has: ISO, so it sorts as text. */
  readonly lastActivity: string
}

/** The day where the lab is, as YYYY-MM-DD: what the date filters compare; the table writes it the lab's way. */
const day = (instant: string | null) => (instant ? dates.isoDay(instant) : '')

/** Unit and tester are shown as they were when the session started. */
export function sessionRows(sessions: readonly SessionSummary[], products: readonly Product[]): SessionRow[] {
  const product = new Map(products.map((p) => [p.id, entityLabel('product', p)]))

  return sessions.map((s) => {
    const productName = product.get(s.productId) ?? 'Deleted product'
    const plan = `${s.plan.name} v${s.plan.version}`
    return {
      id: s.id,
      name: `${productName} · ${s.unitAsTested.serialNumber} · ${plan}`,
      product: productName,
      unit: s.unitAsTested.serialNumber,
      plan,
      region: regionNames[s.region],
      progress: s.decided === undefined ? '' : `${s.decided} / ${s.plan.caseCount}`,
      progressShare: s.decided === undefined ? -1 : s.decided / s.plan.caseCount,
      tester: s.testerName,
      state: sessionStateLabels[s.state],
      outcome: s.outcome === null ? '' : sessionOutcomeLabels[s.outcome],
      started: day(s.startedAt),
      completed: day(s.completedAt),
      lastActivity: s.lastActivityAt ?? s.completedAt ?? s.startedAt ?? s.createdAt,
    }
  })
}
