import { allowedDowntimeMs } from './budget'
import { downtimeWithin } from './merge'
import { startOfMonthOf, startOfNextMonth } from './zoned-calendar'

/** Consecutive full months at or above target that reinstate a badge (SPEC §2 A4). */
export const monthsToReinstate = 3

/** How far a breached scope is on its way back (SPEC §2 A4, per region under the standard of 2026-06-15). */
export type Reinstatement = {
  readonly breachedAt: number
  /** Full calendar months at or above target in a row, counted from the first month that begins at or after the breach. */
  readonly consecutiveMonths: number
  readonly monthsNeeded: number
  /** When the last of the months needed ended; null until then. */
  readonly reinstatedAt: number | null
}

export type ReinstatementRequest = {
  readonly breachedAt: number
  readonly at: number
  readonly targetPercent: number
  readonly timeZone: string
}

/**
 * Reinstatement progress of a scope from its union of downtime. Only whole calendar months after the breach count
 * (the month of the breach does not, unless the breach fell on its first instant), and a month below target starts
 * the count again. It stops at the third: what comes later is a new measurement, not part of the way back.
 */
export function reinstatementProgress(intervals: Float64Array, request: ReinstatementRequest): Reinstatement {
  const { breachedAt, at, targetPercent, timeZone } = request
  let start = startOfMonthOf(breachedAt, timeZone)
  if (start < breachedAt) start = startOfNextMonth(start, timeZone)
  let consecutiveMonths = 0
  for (let end = startOfNextMonth(start, timeZone); end <= at; start = end, end = startOfNextMonth(start, timeZone)) {
    const met = downtimeWithin(intervals, start, end) <= allowedDowntimeMs(end - start, targetPercent)
    consecutiveMonths = met ? consecutiveMonths + 1 : 0
    if (consecutiveMonths === monthsToReinstate)
      return { breachedAt, consecutiveMonths, monthsNeeded: monthsToReinstate, reinstatedAt: end }
  }
  return { breachedAt, consecutiveMonths, monthsNeeded: monthsToReinstate, reinstatedAt: null }
}
