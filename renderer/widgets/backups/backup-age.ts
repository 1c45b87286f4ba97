import { countOf } from '../../../core/text/plural'

const minute = 60_000
const hour = 60 * minute
const day = 24 * hour

/** How long ago, in words a person reads at a glance: "just now", "5 minutes ago", "3 hours ago", "12 days ago". */
export function ageInWords(then: Date, now: Date): string {
  const age = now.getTime() - then.getTime()
  if (age < minute) return age < -minute ? 'in the future (check this computer’s clock)' : 'just now'
  if (age < hour) return `${countOf(Math.floor(age / minute), 'minute')} ago`
  if (age < day) return `${countOf(Math.floor(age / hour), 'hour')} ago`
  return `${countOf(Math.floor(age / day), 'day')} ago`
}

/** A backup older than this earns a warning: a week of a lab's work is the most one should ever lose. */
export const warnAfterMs = 7 * day

/** Automatic backups are written when the newest is older than this. */
export const dailyMs = day
