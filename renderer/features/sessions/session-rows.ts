import type { LabProfile } from '../../../core/model/lab-profile'
import type { Product } from '../../../core/model/product'
import { sessionStateLabels, type Session } from '../../../core/model/session'
import type { Unit } from '../../../core/model/unit'

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

const day = (instant: string | null) => (instant ? instant.slice(0, 10) : '')

export function sessionRows(
  sessions: readonly Session[],
  products: readonly Product[],
  units: readonly Unit[],
  profile: LabProfile | undefined,
): SessionRow[] {
  const product = new Map(products.map((p) => [p.id, `${p.brand} ${p.modelNumber}`]))
  const unit = new Map(units.map((u) => [u.id, u.serialNumber]))
  const person = new Map((profile?.people ?? []).map((p) => [p.id, p.name]))
  return sessions.map((s) => ({
    id: s.id,
    product: product.get(s.productId) ?? 'Deleted product',
    unit: unit.get(s.unitId) ?? 'Deleted unit',
    plan: `${s.plan.name} v${s.plan.version}`,
    tester: person.get(s.testerId) ?? 'Former lab member',
    state: sessionStateLabels[s.state],
    outcome: s.outcome === 'passed' ? 'Passed' : s.outcome === 'failed' ? 'Failed' : '',
    started: day(s.startedAt),
    completed: day(s.completedAt),
  }))
}
