/** How every screen writes dates: one locale, picked once, for dates and instants alike. */
export type LabDates = {
  /** An instant (ISO UTC) as the day it fell on where the lab is: "12/01/2026". */
  readonly day: (instant: string) => string
  /** A calendar date as stored (YYYY-MM-DD), written the lab's way, the same as day() writes it. */
  readonly calendarDate: (date: string) => string
  /** An instant with its time of day: "12/01/2026, 5:44 PM". */
  readonly dateTime: (instant: string) => string
  /** The calendar date (YYYY-MM-DD) an instant fell on where the lab is: for filters and for dates entered as today. */
  readonly isoDay: (instant: string | Date) => string
}

const pad = (n: number) => String(n).padStart(2, '0')

// Numeric with a four-digit year: what a date field of the same locale shows, so typed and shown dates read alike.
const dayParts = { year: 'numeric', month: '2-digit', day: '2-digit' } as const

/** The formats of one locale (and, for tests, one time zone; the machine's otherwise). Data stays ISO; only screens use these. */
export function labDates(locale: string | undefined, timeZone?: string): LabDates {
  const zone = timeZone === undefined ? {} : { timeZone }
  const day = new Intl.DateTimeFormat(locale, { ...dayParts, ...zone })
  const dateTime = new Intl.DateTimeFormat(locale, { ...dayParts, hour: 'numeric', minute: '2-digit', ...zone })
  // A calendar date has no time zone: read and written as UTC so no zone moves it a day.
  const calendar = new Intl.DateTimeFormat(locale, { ...dayParts, timeZone: 'UTC' })
  // en-CA writes dates as YYYY-MM-DD; only its digits are used, never shown.
  const iso = new Intl.DateTimeFormat('en-CA', { ...dayParts, ...zone })
  const shown = (format: Intl.DateTimeFormat, text: string) => {
    const at = new Date(text)
    return Number.isNaN(at.getTime()) ? text : format.format(at)
  }
  return {
    day: (instant) => shown(day, instant),
    calendarDate: (date) => (/^\d{4}-\d{2}-\d{2}$/.test(date) ? shown(calendar, `${date}T00:00:00Z`) : date),
    dateTime: (instant) => shown(dateTime, instant),
    isoDay: (instant) => {
      const at = typeof instant === 'string' ? new Date(instant) : instant
      // The machine's own zone needs no formatter: the Date's local fields are that day, at a fraction of the cost (lists call this per row).
      if (timeZone === undefined) return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`
      const parts = iso.formatToParts(at)
      const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
      return `${part('year')}-${part('month')}-${part('day')}`
    },
  }
}
