/**
 * Calendar days and months in an IANA time zone, over UTC instants (milliseconds since the epoch). Offsets come from
 * Intl.DateTimeFormat, which Node and Chromium share; 'UTC' needs none. Only where a day or month begins depends on
 * the zone: lengths are differences of instants, so a DST change never stretches or shrinks a figure.
 */

export type CalendarDay = { readonly year: number; readonly month: number; readonly day: number }

const dayMs = 86_400_000
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone)
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(timeZone, format)
  }
  return format
}

/** Whether Intl knows the time zone by this name ('Europe/Berlin', 'UTC'). */
export function isTimeZone(name: string): boolean {
  try {
    formatterFor(name)
    return true
  } catch {
    return false
  }
}

/** The wall-clock time at `at` in the zone, written as if it were UTC: its difference to `at` is the zone's offset. */
function wallClock(at: number, timeZone: string): number {
  if (timeZone === 'UTC') return at
  const field: Record<string, number> = {}
  for (const part of formatterFor(timeZone).formatToParts(new Date(at))) field[part.type] = Number(part.value)
  const ms = ((at % 1000) + 1000) % 1000
  return Date.UTC(field.year!, field.month! - 1, field.day!, field.hour!, field.minute!, field.second!) + ms
}

/** The calendar day the instant falls on in the zone. */
export function calendarDayOf(at: number, timeZone: string): CalendarDay {
  const local = new Date(wallClock(at, timeZone))
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() }
}

const sameDay = (a: CalendarDay, b: CalendarDay) => a.year === b.year && a.month === b.month && a.day === b.day

/**
 * The first instant of a calendar day in the zone: its local midnight, or, where a DST change skips midnight, the
 * instant the clock jumps to. Months and days past their end roll over as Date.UTC rolls them.
 */
export function startOfDay(year: number, month: number, day: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day)
  if (timeZone === 'UTC') return guess
  const wanted = calendarDayOf(guess + dayMs / 2, 'UTC')
  // Two rounds settle the offset on either side of a change; of the answers, the earlier one on the wanted day wins.
  const first = guess - (wallClock(guess, timeZone) - guess)
  const second = guess - (wallClock(first, timeZone) - first)
  const candidates = [Math.min(first, second), Math.max(first, second)]
  return candidates.find((t) => sameDay(calendarDayOf(t, timeZone), wanted)) ?? candidates[1]!
}

/** The first instant of the calendar month holding `at`, in the zone. */
export function startOfMonthOf(at: number, timeZone: string): number {
  const { year, month } = calendarDayOf(at, timeZone)
  return startOfDay(year, month, 1, timeZone)
}

/** The first instant of the calendar month after the one starting at `monthStart`, in the zone. */
export function startOfNextMonth(monthStart: number, timeZone: string): number {
  const { year, month } = calendarDayOf(monthStart, timeZone)
  return startOfDay(year, month + 1, 1, timeZone)
}

/** "2026-03": the month holding `at`, in the zone, as a key for tables and charts. */
export function monthKeyOf(at: number, timeZone: string): string {
  const { year, month } = calendarDayOf(at, timeZone)
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`
}
