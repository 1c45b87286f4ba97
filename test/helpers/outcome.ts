import type { Outcome } from '../../core/outcome'

/** The value of an outcome a test expects to succeed; a refusal fails the test with its message. */
export function valueOf<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`Expected success, got ${outcome.problem.code}: ${outcome.problem.message}`)
  return outcome.value
}
