import { z } from 'zod'
import { Region } from './marketplace'

/**
 * An instant with its zone (SPEC §3: "all time is stored as UTC instants"): an offset such as +02:00 is accepted and
 * stored as the same instant in UTC; a time without a zone is refused, never guessed.
 */
export const ZonedInstant = z.iso
  .datetime({
    offset: true,
    error: 'Expected a date and time with its zone, e.g. 2026-07-01T08:00:00Z or 2026-07-01T10:00:00+02:00.',
  })
  .transform((text) => new Date(text).toISOString())

/**
 * One outage of a product in one region (SPEC §3 availability data). An outage still going on has no end; the
 * engine counts it up to the instant it evaluates. An excluded outage is a disruption owned by Amazon or AWS: it
 * counts for nothing under either rule set but is still shown.
 */
export const Outage = z
  .object({
    region: Region,
    start: ZonedInstant,
    /** null while the outage is going on. */
    end: ZonedInstant.nullable(),
    /** What caused it, as the log or the lab words it. */
    cause: z.string().trim().max(1_000, 'A cause can be at most 1,000 characters.'),
    /** Owned by Amazon or AWS, so not developer-controllable (the standard of 2026-06-15 excludes it). */
    excluded: z.boolean(),
  })
  .refine((o) => o.end === null || o.end > o.start, {
    path: ['end'],
    error: 'An outage must end after it starts: check the end, or leave it empty for an outage still going on.',
  })
export type Outage = z.output<typeof Outage>
