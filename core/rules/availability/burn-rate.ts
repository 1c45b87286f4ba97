import { downtimeWithin } from './merge'
import { durationWords } from './duration-words'
import type { StatusReason } from './status'

const minuteMs = 60_000
const hourMs = 60 * minuteMs
const dayMs = 24 * hourMs

/**
 * One multiwindow burn-rate alert in the manner of site-reliability teams, scaled to the year (SPEC §5): it fires
 * when the downtime of the last `windowMs` spends at least `budgetShare` of the budget, and the last `shortWindowMs`
 * still burns at that rate (so an alert ends soon after the outage does, not a whole window later).
 */
export type BurnRule = {
  readonly id: string
  /** As the warning names it: "Fast burn". */
  readonly label: string
  readonly windowMs: number
  readonly shortWindowMs: number
  readonly budgetShare: number
}

/** A fast burn spends 2 % of the budget within an hour; a slow one 10 % within three days. */
export const defaultBurnRules: readonly BurnRule[] = [
  { id: 'fast', label: 'Fast burn', windowMs: hourMs, shortWindowMs: 5 * minuteMs, budgetShare: 0.02 },
  { id: 'slow', label: 'Slow burn', windowMs: 3 * dayMs, shortWindowMs: 6 * hourMs, budgetShare: 0.1 },
]

/** One rule's reading at the instant evaluated. */
export type BurnAlert = {
  readonly rule: BurnRule
  readonly firing: boolean
  /** The window read: [from, to), cut at the start of the budget's part. */
  readonly from: number
  readonly to: number
  readonly downtimeMs: number
  /** downtimeMs ÷ the budget. */
  readonly budgetSpentShare: number
  /** When the budget left is gone if the window's rate goes on; null with no downtime in it or nothing left. */
  readonly exhaustedAt: number | null
  /** A warning while firing; compliant words otherwise. */
  readonly reason: StatusReason & { readonly measure: 'burn-rate' }
}

export type BurnRequest = {
  /** The scope's downtime: its merged intervals as flat [start, end, …] pairs. */
  readonly intervals: Float64Array
  /** The start of the budget's part: downtime before it is another rule set's. */
  readonly from: number
  readonly at: number
  readonly budgetMs: number
  readonly budgetLeftMs: number
}

const percentWords = (share: number) => `${(Math.round(share * 1000) / 10).toLocaleString('en-US')} %`
const instantWords = (t: number) => `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`

/** Each rule read at `at`: how much of the budget its window spent, whether it fires, and where that rate leads. */
export function burnRateAlerts(request: BurnRequest, rules: readonly BurnRule[] = defaultBurnRules): BurnAlert[] {
  const { intervals, from: partStart, at, budgetMs, budgetLeftMs } = request
  return rules.map((rule) => {
    const from = Math.max(partStart, at - rule.windowMs)
    const downtimeMs = downtimeWithin(intervals, from, at)
    const recentMs = downtimeWithin(intervals, Math.max(partStart, at - rule.shortWindowMs), at)
    const limitMs = rule.budgetShare * budgetMs
    const firing =
      budgetMs > 0 &&
      downtimeMs > 0 &&
      downtimeMs >= limitMs &&
      recentMs >= limitMs * (rule.shortWindowMs / rule.windowMs)
    const exhaustedAt =
      downtimeMs > 0 && budgetLeftMs > 0 ? Math.ceil(at + budgetLeftMs / (downtimeMs / rule.windowMs)) : null
    const budgetSpentShare = budgetMs > 0 ? downtimeMs / budgetMs : 0
    const spent = `${durationWords(downtimeMs)} down in the last ${durationWords(rule.windowMs)} (${percentWords(budgetSpentShare)} of the budget)`
    return {
      rule,
      firing,
      from,
      to: at,
      downtimeMs,
      budgetSpentShare,
      exhaustedAt,
      reason: firing
        ? {
            measure: 'burn-rate',
            status: 'warning',
            text: `${rule.label}: ${spent}, at or past ${percentWords(rule.budgetShare)}${exhaustedAt === null ? '' : `; at this rate the budget is gone on ${instantWords(exhaustedAt)}`}.`,
          }
        : {
            measure: 'burn-rate',
            status: 'compliant',
            text: `${rule.label}: ${spent}, under ${percentWords(rule.budgetShare)}.`,
          },
    }
  })
}
