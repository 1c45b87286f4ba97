import { useEffect, useRef, useState, type ReactNode } from 'react'
import type { ReviewDecision } from '../../../core/model/review-decision'
import { reviewVerdictLabels } from '../../../core/model/review-decision'
import { checkLabels, type Finding, type Outcome } from '../../../core/rules/comparison/finding'
import { decisionStands, standingDecision } from '../../../core/rules/comparison/readiness'
import { dates } from '../../app/lab-dates'
import { DecisionForm } from './DecisionForm'
import { FindingDiff } from './FindingDiff'
import type { ListingKey } from './review-address'

export const outcomeLabels: Readonly<Record<Outcome, string>> = {
  pass: 'Pass',
  'needs-review': 'Needs review',
  fail: 'Fail',
  'not-applicable': 'Not applicable',
}

type Props = {
  readonly listing: ListingKey
  readonly snapshotId: string
  readonly finding: Finding
  /** Every decision on this check of this listing, oldest first. */
  readonly decisions: readonly ReviewDecision[]
  /** Why no decision can be made here now (an earlier capture, an archived product), or null. */
  readonly readOnly: string | null
  /** What can be captured here to settle the check (the skill store's status), shown under the evidence. */
  readonly capture?: ReactNode
}

type LineProps = {
  readonly decision: ReviewDecision
  /** The one decision that counts now. */
  readonly counts: boolean
  /** Its finding still holds (decisionStands). */
  readonly holds: boolean
  readonly onThis: boolean
}

const whereWords = (holds: boolean, onThis: boolean) =>
  holds
    ? onThis
      ? ''
      : ' (on an earlier capture with the same finding)'
    : onThis
      ? ' (the finding has changed since)'
      : ' (on an earlier capture)'

function DecisionLine({ decision, counts, holds, onThis }: LineProps) {
  return (
    <li className={counts ? 'decision current' : 'decision earlier'}>
      <strong>{reviewVerdictLabels[decision.decision]}</strong> by {decision.decidedBy.name},{' '}
      {dates.dateTime(decision.decidedAt)}
      {whereWords(holds, onThis)}
      {decision.note ? <>: “{decision.note}”</> : null}
      <span className="muted">
        {' '}
        Finding then: {outcomeLabels[decision.finding.outcome].toLowerCase()}. {decision.finding.reason}
      </span>
    </li>
  )
}

/** One check: its automatic finding with the evidence, the reviewer's decisions on it, and the form to decide. */
export function FindingItem({ listing, snapshotId, finding, decisions, readOnly, capture }: Props) {
  const titleId = `check-${finding.check}`
  const standing = standingDecision(decisions, finding, snapshotId)
  // After recording, the cursor goes to the decision just made (the form closes under it) and it is announced.
  const decisionList = useRef<HTMLUListElement>(null)
  const [recorded, setRecorded] = useState(false)
  useEffect(() => {
    if (recorded) decisionList.current?.focus()
  }, [recorded, decisions.length])
  return (
    <li className={`finding ${finding.outcome}`} aria-labelledby={titleId}>
      <h3 id={titleId}>
        {checkLabels[finding.check]}{' '}
        <span className={`outcome ${finding.outcome}`}>{outcomeLabels[finding.outcome]}</span>
      </h3>
      <p>{finding.reason}</p>
      {finding.diff ? <FindingDiff segments={finding.diff} /> : null}
      {finding.evidence.length > 0 ? (
        <dl className="evidence">
          {finding.evidence.map((item, index) => (
            <div key={index}>
              <dt>{item.label}</dt>
              <dd>{item.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {readOnly === null ? capture : null}
      {decisions.length > 0 ? (
        <ul
          ref={decisionList}
          tabIndex={-1}
          className="decisions"
          aria-label={`Decisions on ${checkLabels[finding.check].toLowerCase()}`}
        >
          {decisions.map((decision) => (
            <DecisionLine
              key={decision.id}
              decision={decision}
              counts={decision === standing}
              holds={decisionStands(decision, finding)}
              onThis={decision.snapshotId === snapshotId}
            />
          ))}
        </ul>
      ) : null}
      {readOnly === null ? (
        // Open where a person is needed and has not decided on this capture yet; any check can be overridden.
        <details
          className="decide"
          open={standing === undefined && (finding.outcome === 'needs-review' || finding.outcome === 'fail')}
        >
          <summary>Decide on {checkLabels[finding.check].toLowerCase()}…</summary>
          <DecisionForm
            listing={listing}
            snapshotId={snapshotId}
            finding={finding}
            onRecorded={() => setRecorded(true)}
          />
        </details>
      ) : null}
      <p className="visually-hidden" role="status">
        {recorded ? `Decision on ${checkLabels[finding.check].toLowerCase()} recorded.` : ''}
      </p>
    </li>
  )
}
