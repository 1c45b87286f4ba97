import type { Verdict } from '../../core/model/result'
import { sessionOutcomeLabels, type SessionOutcome } from '../../core/model/session'
import { VerdictBadge } from './VerdictBadge'

/** Each outcome in the colours of the verdict it reads like: incomplete as blocked, abandoned as untested. */
const look: Readonly<Record<SessionOutcome, Verdict>> = {
  passed: 'passed',
  failed: 'failed',
  incomplete: 'blocked',
  abandoned: 'untested',
}

/** How a session ended, as a badge. */
export function OutcomeBadge({ outcome }: { outcome: SessionOutcome }) {
  return <VerdictBadge verdict={look[outcome]}>{sessionOutcomeLabels[outcome]}</VerdictBadge>
}
