import { allowedDowntimeMs, availabilityPercent } from './budget'
import { downtimeWithin } from './merge'
import { monthKeyOf, startOfMonthOf, startOfNextMonth } from './zoned-calendar'

/** One calendar month of a scope, in the policy's time zone (SPEC §5 "per calendar month"). */
export type MonthFigure = {
  /** "2026-03" in the policy's zone. */
  readonly month: string
  /** The calendar month: [start, end) as instants. */
  readonly start: number
  readonly end: number
  /** How much of it was measured: within the rule-set part and before the instant evaluated. */
  readonly measuredMs: number
  readonly downtimeMs: number
  /** Of the measured part, in percent. */
  readonly availability: number
  /** Every instant of the calendar month was measured: only such months count towards reinstatement. */
  readonly complete: boolean
  /** Downtime within what the target allows for the measured part (the same rounding as the window's budget). */
  readonly meetsTarget: boolean
}

export type MonthRequest = {
  /** The stretch measured under one rule set, [from, to); months are cut to it. */
  readonly from: number
  readonly to: number
  readonly at: number
  readonly targetPercent: number
  readonly timeZone: string
}

/** The availability of each calendar month that [from, min(to, at)) touches, oldest first. */
export function monthlyAvailability(intervals: Float64Array, request: MonthRequest): readonly MonthFigure[] {
  const { from, to, at, targetPercent, timeZone } = request
  const until = Math.min(to, at)
  const months: MonthFigure[] = []
  if (until <= from) return months
  for (let start = startOfMonthOf(from, timeZone); start < until;) {
    const end = startOfNextMonth(start, timeZone)
    const measuredFrom = Math.max(start, from)
    const measuredTo = Math.min(end, until)
    const measuredMs = measuredTo - measuredFrom
    const downtimeMs = downtimeWithin(intervals, measuredFrom, measuredTo)
    months.push({
      month: monthKeyOf(start, timeZone),
      start,
      end,
      measuredMs,
      downtimeMs,
      availability: availabilityPercent(downtimeMs, measuredMs),
      complete: measuredFrom === start && measuredTo === end,
      meetsTarget: downtimeMs <= allowedDowntimeMs(measuredMs, targetPercent),
    })
    start = end
  }
  return months
}
