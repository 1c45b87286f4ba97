import type { ReviewDecision as StoredDecision } from '../../model/review-decision'
import { checkLabels, type CheckId, type Finding } from './finding'

/** What readiness reads of a reviewer's decision (SPEC §3 review decision): later decisions come later in the list. */
export type ReviewDecision = Pick<StoredDecision, 'check' | 'snapshotId' | 'decision' | 'note'>

export type BlockingReason = { readonly check: CheckId; readonly reason: string }

export type Readiness =
  | { readonly ready: true; readonly accepted: readonly CheckId[] }
  | { readonly ready: false; readonly blocking: readonly BlockingReason[] }

/**
 * SPEC §4 badge readiness of one ASIN in one marketplace: ready when every applicable check passes or a
 * reviewer accepted it on this snapshot. A rejection blocks even a pass; a decision on an older snapshot counts
 * for nothing (the newer capture re-opened the check).
 */
export function readinessOf(
  findings: readonly Finding[],
  decisions: readonly ReviewDecision[],
  snapshotId: string,
): Readiness {
  const current = new Map<CheckId, ReviewDecision>()
  for (const d of decisions) if (d.snapshotId === snapshotId) current.set(d.check, d)
  const blocking: BlockingReason[] = []
  const accepted: CheckId[] = []
  for (const f of findings) {
    const decided = current.get(f.check)
    const label = checkLabels[f.check]
    if (decided?.decision === 'reject')
      blocking.push({
        check: f.check,
        reason: `${label}: rejected by the reviewer${decided.note ? ` (${decided.note})` : ''}.`,
      })
    else if (decided?.decision === 'accept') {
      if (f.outcome !== 'pass' && f.outcome !== 'not-applicable') accepted.push(f.check)
    } else if (decided?.decision === 'needs-information')
      blocking.push({
        check: f.check,
        reason: `${label}: the reviewer asked for information${decided.note ? ` (${decided.note})` : ''}.`,
      })
    else if (f.outcome === 'fail' || f.outcome === 'needs-review')
      blocking.push({
        check: f.check,
        reason: `${label}: ${f.outcome === 'fail' ? 'fails' : 'needs review'}. ${f.reason}`,
      })
  }
  return blocking.length === 0 ? { ready: true, accepted } : { ready: false, blocking }
}
