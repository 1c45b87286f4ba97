// What a new record is stamped with: its id, the time, the local date.
import { dates } from './lab-dates'

/** A new record id. */
export const newId = (): string => crypto.randomUUID()

/** The current instant as ISO text, the way records store time. */
export const nowIso = (): string => new Date().toISOString()

/** Today's date where the tester sits, as YYYY-MM-DD (the UTC date is tomorrow on an evening west of Greenwich). */
export const todayLocal = (now: Date = new Date()): string => dates.isoDay(now)
