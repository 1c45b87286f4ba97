import { assertNever } from '../../../core/assert-never'
import { countOf } from '../../../core/text/plural'
import type { PlanSource, PlanVersion, TestCase } from '../../../core/model/test-plan'
import { dates } from '../../app/lab-dates'

/**
 * How a version came to be, as the list and the history say it: "Imported from
 * plan.xlsx", or for a version made by editing one a session ran, "Edited from
 * version 1 by Ana Ruiz, <date and time>".
 */
export function describeSource(source: PlanSource): string {
  const edited = source.editedFrom
  if (edited !== undefined)
    return `Edited from version ${edited.version} by ${edited.by.name || 'an unnamed person'}, ${dates.dateTime(edited.at)}`
  switch (source.kind) {
    case 'typed':
      return 'Typed in'
    case 'xlsx':
    case 'csv':
    case 'json':
      return source.fileName ? `Imported from ${source.fileName}` : `Imported from a ${source.kind.toUpperCase()} file`
    default:
      return assertNever(source.kind)
  }
}

/** A short name for a plan version in lists of unsaved work and in headings. */
export const planTitle = (plan: Pick<PlanVersion, 'name'>) => plan.name.trim() || 'Untitled test plan'

export const countCases = (n: number) => countOf(n, 'case')

export const blankCase = (caseId: string): TestCase => ({
  caseId,
  title: '',
  category: '',
  steps: '',
  expected: '',
  required: true,
})

/**
 * The ID a new case is offered: the last case's ID with its number raised
 * ("TC-059" → "TC-060", keeping the zeros), so typing a plan in stays quick.
 */
export function nextCaseId(cases: readonly TestCase[]): string {
  const taken = new Set(cases.map((c) => c.caseId.trim()))
  const last = cases.at(-1)?.caseId.trim() ?? ''
  const match = /^(.*?)(\d+)$/.exec(last)
  const prefix = match ? (match[1] ?? '') : 'TC-'
  const digits = match?.[2] ?? '000'
  let n = match ? Number(digits) : cases.length
  let candidate: string
  do {
    n += 1
    candidate = `${prefix}${String(n).padStart(digits.length, '0')}`
  } while (taken.has(candidate))
  return candidate
}
