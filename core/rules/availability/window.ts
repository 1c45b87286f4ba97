import type { AvailabilityPolicy, WindowMode } from './policy'
import { calendarDayOf, startOfDay } from './zoned-calendar'

export const dayMs = 86_400_000

/** The measurement window holding an instant: [start, end), with the part of it already gone. */
export type MeasurementWindow = {
  readonly mode: WindowMode['mode']
  readonly start: number
  readonly end: number
  readonly lengthMs: number
  /** Whole days in the window: 366 when an annual window holds a 29 February. */
  readonly days: number
  /** The instant evaluated; the window so far is [start, at). */
  readonly at: number
  readonly elapsedMs: number
}

/**
 * The window an evaluation at `at` measures. Annual: from the reset date at or before `at` (local midnight in the
 * policy's zone) to the next one, so a reset instant opens a new, empty window. Trailing: the 365 days of 86,400 s
 * up to `at`, a leap day or not.
 */
export function measurementWindow(
  at: number,
  policy: Pick<AvailabilityPolicy, 'window' | 'timeZone'>,
): MeasurementWindow {
  const { window, timeZone } = policy
  if (window.mode === 'trailing-365') {
    const lengthMs = 365 * dayMs
    return { mode: window.mode, start: at - lengthMs, end: at, lengthMs, days: 365, at, elapsedMs: lengthMs }
  }
  const [month, day] = window.resetDate.split('-').map(Number) as [number, number]
  const { year } = calendarDayOf(at, timeZone)
  const resetIn = (y: number) => startOfDay(y, month, day, timeZone)
  const thisYear = resetIn(year)
  const [start, end] = thisYear <= at ? [thisYear, resetIn(year + 1)] : [resetIn(year - 1), thisYear]
  const lengthMs = end - start
  return { mode: window.mode, start, end, lengthMs, days: Math.round(lengthMs / dayMs), at, elapsedMs: at - start }
}
