import type { Verdict } from '../../../../core/model/result'
import { decidingVerdicts } from '../../../../core/rules/session-summary'

/**
 * The index in `caseIds` of the first case after `from` that is still to decide
 * (untested, blocked or to retest), going round to the start: `from` itself when
 * it is the only one, undefined when every case is decided.
 */
export function nextUndecided(
  caseIds: readonly string[],
  from: number,
  verdictOf: (caseId: string) => Verdict | undefined,
): number | undefined {
  for (let step = 1; step <= caseIds.length; step++) {
    const index = (from + step) % caseIds.length
    const caseId = caseIds[index]
    if (caseId !== undefined && !decidingVerdicts.has(verdictOf(caseId) ?? 'untested')) return index
  }
  return undefined
}
