import type { ReviewDecision as StoredDecision } from '../../model/review-decision'
import { checkLabels, type CheckId, type Finding } from './finding'

/** What readiness reads of a reviewer's decision (SPEC §3 review decision): later decisions come later in the list. */
export type ReviewDecision = Pick<StoredDecision, 'check' | 'snapshotId' | 'decision' | 'note' | 'finding'>

/**
 * Whether a decision still stands for this finding of this snapshot: made on it, or made on an earlier one whose
 * finding was the same (a new capture re-opens only the checks it changes).
 */
export const decisionStands = (decision: ReviewDecision, finding: Finding, snapshotId: string): boolean =>
  decision.check === finding.check &&
  (decision.snapshotId === snapshotId ||
    (decision.finding.outcome === finding.outcome && decision.finding.reason === finding.reason))

/** The decision that counts for a finding: the latest made on this snapshot, else the latest that still stands. */
export function standingDecision<D extends ReviewDecision>(
  decisions: readonly D[],
  finding: Finding,
  snapshotId: string,
): D | undefined {
  let onThis: D | undefined
  let carried: D | undefined
  for (const d of decisions) {
    if (d.check !== finding.check) continue
    if (d.snapshotId === snapshotId) onThis = d
    else if (decisionStands(d, finding, snapshotId)) carried = d
  }
  return onThis ?? carried
}

/** Why a check blocks: its finding, or what a reviewer decided on it. */
export type BlockingKind = 'fails' | 'needs-review' | 'rejected' | 'needs-information' | 'not-captured'
export type BlockingReason = { readonly check: CheckId; readonly kind: BlockingKind; readonly reason: string }

export type Readiness =
  | { readonly ready: true; readonly accepted: readonly CheckId[] }
  | { readonly ready: false; readonly blocking: readonly BlockingReason[] }

/**
 * SPEC §4 badge readiness of one ASIN in one marketplace: ready when every applicable check passes or a
 * reviewer accepted it. A rejection blocks even a pass; a decision made on an older snapshot counts only where
 * the newer capture gives the same finding (a capture that changed the check re-opened it).
 */
export function readinessOf(
  findings: readonly Finding[],
  decisions: readonly ReviewDecision[],
  snapshotId: string,
): Readiness {
  const blocking: BlockingReason[] = []
  const accepted: CheckId[] = []
  for (const f of findings) {
    const decided = standingDecision(decisions, f, snapshotId)
    const label = checkLabels[f.check]
    if (decided?.decision === 'reject')
      blocking.push({
        check: f.check,
        kind: 'rejected',
        reason: `${label}: rejected by the reviewer${decided.note ? ` (${decided.note})` : ''}.`,
      })
    else if (decided?.decision === 'accept') {
      if (f.outcome !== 'pass' && f.outcome !== 'not-applicable') accepted.push(f.check)
    } else if (decided?.decision === 'needs-information')
      blocking.push({
        check: f.check,
        kind: 'needs-information',
        reason: `${label}: the reviewer asked for information${decided.note ? ` (${decided.note})` : ''}.`,
      })
    else if (f.outcome === 'fail' || f.outcome === 'needs-review')
      blocking.push({
        check: f.check,
        kind: f.outcome === 'fail' ? 'fails' : 'needs-review',
        reason: `${label}: ${f.outcome === 'fail' ? 'fails' : 'needs review'}. ${f.reason}`,
      })
  }
  return blocking.length === 0 ? { ready: true, accepted } : { ready: false, blocking }
}
