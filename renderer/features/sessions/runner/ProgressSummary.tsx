import { verdictLabels, verdicts } from '../../../../core/model/result'
import type { SessionSummary } from '../../../../core/rules/session-summary'
import { VerdictBadge } from '../../../ui/VerdictBadge'

/** How far the session is: a bar of decided cases and the count of every verdict. */
export function ProgressSummary({ summary }: { summary: SessionSummary }) {
  return (
    <div className="progress-summary">
      <label>
        <span>
          {summary.decided} of {summary.total} cases decided
          {/* Blocked and retest are not decisions: said apart from untested, so the counts below add up. */}
          {summary.decided < summary.total ? (
            <span className="muted">
              {' '}
              · not decided: {summary.counts.untested} untested, {summary.open} blocked or to retest
            </span>
          ) : null}
        </span>
        <progress value={summary.decided} max={summary.total} />
      </label>
      <ul className="verdict-counts" aria-label="Cases by verdict">
        {verdicts.map((v) => (
          <VerdictBadge key={v} as="li" verdict={v}>
            {verdictLabels[v]}: {summary.counts[v]}
          </VerdictBadge>
        ))}
      </ul>
    </div>
  )
}
