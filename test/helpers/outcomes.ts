import type { Outcome, Problem } from '../../core/outcome'

/** The value of an outcome a test expects to succeed; its problem's message thrown otherwise. */
export function valueOf<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(outcome.problem.message)
  return outcome.value
}

/** The problem of an outcome a test expects to be refused. */
export function problemOf(outcome: Outcome<unknown>): Problem {
  if (outcome.ok) throw new Error('expected a refusal')
  return outcome.problem
}
