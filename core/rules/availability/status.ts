import { countOf } from '../../text/plural'
import { durationWords } from './duration-words'

/** Where a scope stands against its budget and the outage limit (SPEC §2 A1–A3). */
export const availabilityStatuses = ['compliant', 'warning', 'breached'] as const
export type AvailabilityStatus = (typeof availabilityStatuses)[number]

const rank: Readonly<Record<AvailabilityStatus, number>> = { compliant: 0, warning: 1, breached: 2 }

/** The worse of the statuses given; compliant when none is given. */
export const worstStatus = (statuses: readonly AvailabilityStatus[]): AvailabilityStatus =>
  statuses.reduce<AvailabilityStatus>((worst, s) => (rank[s] > rank[worst] ? s : worst), 'compliant')

/** One finding behind a status, in words: on downtime, on the outage count, or on a burn rate. */
export type StatusReason = {
  readonly measure: 'downtime' | 'outages' | 'burn-rate'
  readonly status: AvailabilityStatus
  readonly text: string
}

const percentWords = (share: number) => `${(Math.floor(share * 1000) / 10).toLocaleString('en-US')} %`

/**
 * Downtime against the budget of the whole window: over it is breached, at it is not (the threshold warns first);
 * from the warning share of the budget on, a warning.
 */
export function judgeDowntime(downtimeMs: number, budgetMs: number, warnAtBudgetShare: number): StatusReason {
  const used = `Downtime ${durationWords(downtimeMs)} of a budget of ${durationWords(budgetMs)}`
  if (downtimeMs > budgetMs)
    return {
      measure: 'downtime',
      status: 'breached',
      text: `${used}: over it by ${durationWords(downtimeMs - budgetMs)}.`,
    }
  const share = budgetMs > 0 ? downtimeMs / budgetMs : 0
  if (downtimeMs > 0 && share >= warnAtBudgetShare)
    return {
      measure: 'downtime',
      status: 'warning',
      text: `${used}: ${percentWords(share)} used, at or past the warning at ${percentWords(warnAtBudgetShare)}; ${durationWords(budgetMs - downtimeMs)} left.`,
    }
  return {
    measure: 'downtime',
    status: 'compliant',
    text: `${used}: ${percentWords(share)} used, ${durationWords(budgetMs - downtimeMs)} left.`,
  }
}

/** The counted outages against the limit: one more than the limit breaches; from the warning outage on, a warning. */
export function judgeOutageCount(
  counted: number,
  maxOutages: number,
  warnAtOutage: number,
  where: string,
): StatusReason {
  const stated = `${countOf(counted, 'outage')} counted ${where} of ${maxOutages} allowed`
  if (counted > maxOutages) return { measure: 'outages', status: 'breached', text: `${stated}: over the limit.` }
  if (counted >= warnAtOutage)
    return {
      measure: 'outages',
      status: 'warning',
      text: `${stated}: at or past the warning at outage ${warnAtOutage}; ${maxOutages - counted} left.`,
    }
  return { measure: 'outages', status: 'compliant', text: `${stated}: ${maxOutages - counted} left.` }
}
