import { useId, useState } from 'react'
import { reviewVerdictLabels, reviewVerdicts, type ReviewVerdict } from '../../../core/model/review-decision'
import { describeProblem } from '../../../core/outcome'
import type { Finding } from '../../../core/rules/comparison/finding'
import { checkLabels } from '../../../core/rules/comparison/finding'
import { useRepos } from '../../app/services-context'
import type { ListingKey } from './review-address'

const choiceWords: Readonly<Record<ReviewVerdict, string>> = {
  accept: 'Accept',
  reject: 'Reject',
  'needs-information': 'Ask for information',
}

type Props = {
  readonly listing: ListingKey
  readonly snapshotId: string
  readonly finding: Finding
  readonly onRecorded: () => void
}

/** The reviewer's decision on one check: accept, reject or ask for information, with a note; kept beside the finding. */
export function DecisionForm({ listing, snapshotId, finding, onRecorded }: Props) {
  const repos = useRepos()
  const id = useId()
  const [decision, setDecision] = useState<ReviewVerdict | null>(null)
  const [note, setNote] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const label = checkLabels[finding.check]

  const record = async () => {
    if (decision === null) {
      setProblem('Choose accept, reject or ask for information.')
      return
    }
    setSaving(true)
    const outcome = await repos.reviews.decide({
      ...listing,
      snapshotId,
      check: finding.check,
      decision,
      note,
      finding: {
        outcome: finding.outcome,
        reason: finding.reason,
        ...(finding.basis === undefined ? {} : { basis: finding.basis }),
      },
    })
    setSaving(false)
    if (!outcome.ok) {
      setProblem(describeProblem(outcome.problem))
      return
    }
    setProblem(null)
    setDecision(null)
    setNote('')
    onRecorded()
  }
  const needsNote = decision === 'reject' || decision === 'needs-information'

  return (
    <fieldset className="decision-form" aria-describedby={problem ? `${id}-problem` : undefined}>
      <legend>Your decision on {label.toLowerCase()}</legend>
      <div className="decision-choices">
        {reviewVerdicts.map((verdict) => (
          <label key={verdict}>
            <input
              type="radio"
              name={`${id}-decision`}
              value={verdict}
              checked={decision === verdict}
              onChange={() => setDecision(verdict)}
            />{' '}
            {choiceWords[verdict]}
          </label>
        ))}
      </div>
      <label htmlFor={`${id}-note`}>Note{needsNote ? '' : ' (optional)'}</label>
      <textarea
        id={`${id}-note`}
        rows={2}
        value={note}
        required={needsNote}
        aria-invalid={(needsNote && problem !== null) || undefined}
        onChange={(event) => setNote(event.target.value)}
        aria-describedby={problem ? `${id}-problem` : undefined}
      />
      {problem ? (
        <p id={`${id}-problem`} className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <button type="button" onClick={() => void record()} disabled={saving}>
        {decision ? `Record: ${reviewVerdictLabels[decision].toLowerCase()}` : 'Record decision'}
      </button>
    </fieldset>
  )
}
