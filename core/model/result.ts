import { z } from 'zod'
import { Id, Instant } from './fields'

export const verdicts = ['untested', 'passed', 'failed', 'blocked', 'retest', 'not-applicable'] as const
export const Verdict = z.enum(verdicts)
export type Verdict = z.infer<typeof Verdict>
export const verdictLabels: Readonly<Record<Verdict, string>> = {
  untested: 'Untested',
  passed: 'Passed',
  failed: 'Failed',
  blocked: 'Blocked',
  retest: 'Retest',
  'not-applicable': 'Not applicable',
}

/** Largest evidence file (photo or log) a result may carry. */
export const maxEvidenceBytes = 40 * 1024 * 1024

/** One case's result in one session. Every change to it is kept in the audit trail. */
export const Result = z.object({
  sessionId: Id,
  caseId: z.string().min(1),
  verdict: Verdict,
  notes: z.string().max(20_000, 'Notes can be at most 20,000 characters.'),
  evidenceIds: z.array(Id).max(200),
  updatedAt: Instant,
  updatedBy: z.string(),
})
export type Result = z.infer<typeof Result>
