import { z } from 'zod'
import { ok, refused, type Outcome } from '../../outcome'
import { isTimeZone } from './zoned-calendar'

/** "01-01": a month and day the measurement resets on every year (SPEC §2: Amazon's date is not public). */
const ResetDate = z
  .string({ error: 'Enter the reset date as MM-DD, e.g. 01-01 for 1 January.' })
  .regex(/^\d{2}-\d{2}$/, 'Enter the reset date as MM-DD, e.g. 01-01 for 1 January.')
  .refine(
    (text) => {
      const [month, day] = text.split('-').map(Number) as [number, number]
      // 2025 is no leap year: 29 February would reset only one year in four, so it is refused with the invalid dates.
      const date = new Date(Date.UTC(2025, month - 1, day))
      return month >= 1 && month <= 12 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    },
    { error: 'The reset date must be a day every year has (MM-DD, 01-01 to 12-31, not 02-29).' },
  )

/** How the year is measured: from the reset date to the next, or over the 365 days up to the instant evaluated. */
export const WindowMode = z.discriminatedUnion(
  'mode',
  [
    z.object({ mode: z.literal('annual'), resetDate: ResetDate.default('01-01') }),
    z.object({ mode: z.literal('trailing-365') }),
  ],
  { error: 'Choose the window: annual (with a reset date) or trailing-365.' },
)
export type WindowMode = z.output<typeof WindowMode>

// Four decimals keep the budget exact: (100 − target) × 10⁴ is then a whole number of parts per million.
const hasAtMostFourDecimals = (n: number) => Math.abs(n * 1e4 - Math.round(n * 1e4)) < 1e-6

/** The settings availability is judged by (SPEC §5), with the defaults Amazon's published requirements give. */
export const AvailabilityPolicy = z
  .object({
    /** Availability to hold over the window, in percent (A1). */
    targetPercent: z
      .number({ error: 'The target is a percentage, e.g. 99.93.' })
      .gt(0, 'The target must be above 0 %.')
      .max(100, 'The target can be at most 100 %.')
      .refine(hasAtMostFourDecimals, 'The target can have at most four decimals, e.g. 99.9312.')
      .default(99.93),
    /** Counted outages allowed in the window (A2); one more breaches. */
    maxOutages: z
      .number({ error: 'The maximum number of outages is a whole number, e.g. 5.' })
      .int('The maximum number of outages is a whole number, e.g. 5.')
      .min(0, 'The maximum number of outages cannot be negative.')
      .max(1_000, 'The maximum number of outages can be at most 1,000.')
      .default(5),
    window: WindowMode.default({ mode: 'annual', resetDate: '01-01' }),
    /** Warn once downtime reaches this share of the budget (A3), from 0 to 1. */
    warnAtBudgetShare: z
      .number({ error: 'The warning share of the budget is a number from 0 to 1, e.g. 0.75.' })
      .min(0, 'The warning share of the budget is a number from 0 to 1, e.g. 0.75.')
      .max(1, 'The warning share of the budget is a number from 0 to 1, e.g. 0.75.')
      .default(0.75),
    /** Warn from this counted outage on (A3): the 4th by default. */
    warnAtOutage: z
      .number({ error: 'The outage to warn at is a whole number, e.g. 4.' })
      .int('The outage to warn at is a whole number, e.g. 4.')
      .min(1, 'The outage to warn at is at least the first.')
      .default(4),
    /** Outages of one scope at most this many seconds apart are one incident; 0 merges only those that overlap or touch. */
    mergeGapSeconds: z
      .number({ error: 'The merge gap is a number of seconds, e.g. 0.' })
      .min(0, 'The merge gap cannot be negative.')
      .max(86_400, 'The merge gap can be at most 86,400 seconds (one day).')
      .default(0),
    /** Where months and years begin (an IANA name such as Europe/Berlin); instants stay UTC whatever it is. */
    timeZone: z
      .string({ error: 'The time zone is an IANA name such as UTC or Europe/Berlin.' })
      .refine(isTimeZone, {
        error: (issue) => `Unknown time zone "${String(issue.input)}": use an IANA name such as UTC or Europe/Berlin.`,
      })
      .default('UTC'),
  })
  .refine((p) => p.warnAtOutage <= p.maxOutages + 1, {
    path: ['warnAtOutage'],
    error: 'The outage to warn at must not come after the one that breaches (maximum outages + 1).',
  })
export type AvailabilityPolicy = z.output<typeof AvailabilityPolicy>
export type AvailabilityPolicyInput = z.input<typeof AvailabilityPolicy>

export const defaultAvailabilityPolicy: AvailabilityPolicy = AvailabilityPolicy.parse({})

/** A policy from a settings file or form, defaults filled in; each refusal names the setting and what to enter. */
export function parseAvailabilityPolicy(input: unknown): Outcome<AvailabilityPolicy> {
  const parsed = AvailabilityPolicy.safeParse(input ?? {})
  if (parsed.success) return ok(parsed.data)
  const issue = parsed.error.issues[0]
  const field = issue?.path.join('.') ?? ''
  return refused('invalid', issue?.message ?? 'The availability policy is not valid.', field || undefined)
}
