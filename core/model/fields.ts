import { z } from 'zod'
import type { Check } from '../rules/check'

/** A record's identifier: a UUID made where the record is created. */
export const Id = z.string().min(1)

/** A UTC instant as ISO-8601 text, e.g. 2026-11-25T12:00:00.000Z. */
export const Instant = z.iso.datetime({ message: 'Expected a date and time in UTC.' })

/** A calendar date as YYYY-MM-DD. */
export const CalendarDate = z.iso.date({ message: 'Enter a date as YYYY-MM-DD.' })

/** Text a person must fill in: trimmed, not empty, bounded. */
export const requiredText = (label: string, max = 200) =>
  z.string().trim().min(1, `${label} is required.`).max(max, `${label} can be at most ${max} characters.`)

/** Text a person may leave empty: trimmed, bounded. */
export const optionalText = (label: string, max = 500) =>
  z.string().trim().max(max, `${label} can be at most ${max} characters.`)

/**
 * A string checked by one of core/rules' checks: the check's message becomes the
 * field's error, and what is stored is the check's normalised value.
 */
export const checkedText = (check: (input: string) => Check<string>) =>
  z.string().transform((value, ctx) => {
    const result = check(value)
    if (result.ok) return result.value
    ctx.issues.push({ code: 'custom', message: result.message, input: value })
    return z.NEVER
  })

/**
 * When and by whom a record was archived: it then leaves lists and pickers but
 * keeps its page, its history and every session that used it. Absent on active
 * records and on every record stored before archiving existed.
 */
export const Archived = z.object({
  at: Instant,
  by: z.object({ id: z.string().min(1), name: z.string() }),
})
export type Archived = z.infer<typeof Archived>
