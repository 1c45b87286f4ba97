import type { ReviewDecision as StoredDecision } from '../../model/review-decision'
import { checkLabels, type CheckId, type Finding } from './finding'

/** What readiness reads of a reviewer's decision (SPEC §3 review decision): later decisions come later in the list. */
export type ReviewDecision = Pick<StoredDecision, 'check' | 'snapshotId' | 'decision' | 'note' | 'finding'>

/**
 * Whether a decision still stands for this finding: the finding's outcome and what it compared are as they were
 * when it was made. A new capture, a skill-store status recorded, a changed product or unit re-opens only the
 * checks whose inputs it changed, on the same snapshot or a newer one.
 */
export const decisionStands = (decision: ReviewDecision, finding: Finding): boolean =>
  decision.check === finding.check &&
  decision.finding.outcome === finding.outcome &&
  (decision.finding.basis ?? '') === (finding.basis ?? '')

/** The decision that counts for a finding: of those that still stand, the latest made on this snapshot, else the latest. */
export function standingDecision<D extends ReviewDecision>(
  decisions: readonly D[],
  finding: Finding,
  snapshotId: string,
): D | undefined {
  let onThis: D | undefined
  let carried: D | undefined
  for (const d of decisions) {
    if (!decisionStands(d, finding)) continue
    if (d.snapshotId === snapshotId) onThis = d
    else carried = d
  }
  return onThis ?? carried
}

/** Why a check blocks: its finding, or what a reviewer decided on it. */
export type BlockingKind = 'fails' | 'needs-review' | 'rejected' | 'needs-information' | 'not-captured' | 'no-asin'
export type BlockingReason = { readonly check: CheckId; readonly kind: BlockingKind; readonly reason: string }

export type Readiness =
  | { readonly ready: true; readonly accepted: readonly CheckId[] }
  | { readonly ready: false; readonly blocking: readonly BlockingReason[] }

/**
 * SPEC §4 badge readiness of one ASIN in one marketplace: ready when every applicable check passes or a
 * reviewer accepted it. A rejection blocks even a pass. A decision counts only while the finding it was made on
 * still holds (decisionStands): a capture or record that changed the check re-opened it.
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
