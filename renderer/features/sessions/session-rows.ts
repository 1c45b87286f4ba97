import type { Product } from '../../../core/model/product'
import { entityLabel } from '../../../core/model/entity'
import { sessionOutcomeLabels, sessionStateLabels, type SessionSummary } from '../../../core/model/session'
import { dates } from '../../app/lab-dates'

/** A session as lists show it: names instead of ids, dates as the tester reads them. */
export type SessionRow = {
  readonly id: string
  readonly product: string
  readonly unit: string
  readonly plan: string
  readonly tester: string
  readonly state: string
  readonly outcome: string
  readonly started: string
  readonly completed: string
}

/** The day where the lab is, as YYYY-MM-DD: what the date filters compare; the table writes it the lab's way. */
const day = (instant: string | null) => (instant ? dates.isoDay(instant) : '')

/** Unit and tester are shown as they were when the session started. */
export function sessionRows(sessions: readonly SessionSummary[], products: readonly Product[]): SessionRow[] {
  const product = new Map(products.map((p) => [p.id, entityLabel('product', p)]))

  return sessions.map((s) => ({
    id: s.id,
    product: product.get(s.productId) ?? 'Deleted product',
    unit: s.unitAsTested.serialNumber,
    plan: `${s.plan.name} v${s.plan.version}`,
    tester: s.testerName,
    state: sessionStateLabels[s.state],
    outcome: s.outcome === null ? '' : sessionOutcomeLabels[s.outcome],
    started: day(s.startedAt),
    completed: day(s.completedAt),
  }))
}
