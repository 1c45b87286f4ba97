import type { Verdict } from '../model/result'
import { verdicts } from '../model/result'
import type { SessionOutcome } from '../model/session'
import type { TestCase } from '../model/test-plan'
import { listInWords } from '../text/list'

/** Verdicts that settle a case; untested, blocked and retest still need someone to decide. */
export const decidingVerdicts: ReadonlySet<Verdict> = new Set<Verdict>(['passed', 'failed', 'not-applicable'])

/** How a change of one case's verdict moves the count of decided cases: +1, 0 or −1 (no verdict yet is untested). */
export const decidedChange = (before: Verdict | undefined, after: Verdict): number =>
  Number(decidingVerdicts.has(after)) - Number(decidingVerdicts.has(before ?? 'untested'))

export type SessionSummary = {
  readonly total: number
  readonly counts: Readonly<Record<Verdict, number>>
  /** Cases with a deciding verdict. */
  readonly decided: number
  /** Required cases still untested, blocked or marked for retest, in plan order. */
  readonly undecidedRequired: readonly string[]
  /** Required cases that failed, in plan order. */
  readonly failedRequired: readonly string[]
  /** Set once every required case is decided: failed if any required case failed. */
  readonly outcome: Extract<SessionOutcome, 'passed' | 'failed'> | null
  /** Cases that are neither decided nor untested: blocked or marked for retest. */
  readonly open: number
}

/** Counts a session's verdicts and says whether it can complete, and with which outcome. */
export function summarizeSession(
  cases: readonly TestCase[],
  verdictOf: (caseId: string) => Verdict | undefined,
): SessionSummary {
  const counts = Object.fromEntries(verdicts.map((v) => [v, 0])) as Record<Verdict, number>
  const undecidedRequired: string[] = []
  const failedRequired: string[] = []
  let decided = 0
  for (const testCase of cases) {
    const verdict = verdictOf(testCase.caseId) ?? 'untested'
    counts[verdict] += 1
    if (decidingVerdicts.has(verdict)) decided += 1
    if (!testCase.required) continue
    if (!decidingVerdicts.has(verdict)) undecidedRequired.push(testCase.caseId)
    else if (verdict === 'failed') failedRequired.push(testCase.caseId)
  }
  const outcome = undecidedRequired.length > 0 ? null : failedRequired.length > 0 ? 'failed' : 'passed'
  const open = counts.blocked + counts.retest
  return { total: cases.length, counts, decided, open, undecidedRequired, failedRequired, outcome }
}

/** "TC-1, TC-4 and 3 more": a list of case IDs short enough for one sentence. */
export const listCaseIds = (ids: readonly string[], shown = 5): string => listInWords(ids, { max: shown })
