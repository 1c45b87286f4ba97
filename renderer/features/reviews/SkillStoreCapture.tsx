import { useId, useState } from 'react'
import { listingStatusLabels, type ListingStatus } from '../../../core/model/listing-snapshot'
import type { Skill } from '../../../core/model/skill'
import { describeProblem } from '../../../core/outcome'
import { useRepos } from '../../app/services-context'
import { statusOptions } from './capture-form'

type Props = { readonly skill: Skill; readonly marketplace: string }

/** Records what the Alexa skill store shows of the product's skill in this marketplace now: a new skill-store snapshot. */
export function SkillStoreCapture({ skill, marketplace }: Props) {
  const repos = useRepos()
  const id = useId()
  const [status, setStatus] = useState<ListingStatus>('available')
  const [said, setSaid] = useState<{ readonly text: string; readonly problem: boolean } | null>(null)
  const [saving, setSaving] = useState(false)

  const record = async () => {
    setSaving(true)
    const outcome = await repos.listings.captureSkill({ skillId: skill.skillId, marketplace, status })
    setSaving(false)
    setSaid(
      outcome.ok
        ? { text: `Skill store capture recorded: ${listingStatusLabels[status].toLowerCase()}.`, problem: false }
        : { text: describeProblem(outcome.problem), problem: true },
    )
  }

  return (
    <fieldset className="skill-capture">
      <legend>
        What the skill store shows now for {skill.name} in {marketplace}
      </legend>
      <label htmlFor={`${id}-status`}>Status in the store</label>{' '}
      <select id={`${id}-status`} value={status} onChange={(event) => setStatus(event.target.value as ListingStatus)}>
        {statusOptions.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>{' '}
      <button type="button" onClick={() => void record()} disabled={saving}>
        Record skill store status
      </button>
      <p className={said?.problem ? 'field-error' : 'muted'} role="status">
        {said?.text ?? ''}
      </p>
    </fieldset>
  )
}
