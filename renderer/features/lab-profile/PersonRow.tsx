import { useState } from 'react'
import { isActive, roleLabels, roles, type Person, type Role } from '../../../core/model/lab-profile'
import { countOf } from '../../../core/text/plural'
import { dates } from '../../app/lab-dates'
import { useRepos } from '../../app/services-context'
import type { PersonReferences } from '../../storage/repos/lab-profile/profile-repo'
import { ConfirmPanel } from '../../ui/ConfirmPanel'
import { SelectField, TextField } from '../../ui/Field'
import { RowGroup } from '../../ui/RowGroup'

type Props = {
  readonly person: Person
  readonly index: number
  /** Puts the cursor in the name, for a row just added. */
  readonly focusName?: boolean
  readonly errorOf: (field: string) => string | undefined
  readonly onChange: (change: Partial<Person>, field: string) => void
  readonly onRemove: () => void
  readonly onDeactivate: () => void
  readonly onReactivate: () => void
}

const nameOf = (person: Person, index: number) => person.name.trim() || `person ${index + 1}`

function whereTheyAppear({ inAuditTrail, sessions }: PersonReferences): string {
  const places = [
    ...(inAuditTrail ? ['in the audit trail'] : []),
    ...(sessions > 0 ? [`as the tester of ${countOf(sessions, 'session', 'sessions')}`] : []),
  ]
  return places.join(' and ')
}

/**
 * One person of the lab. Removing asks first; someone who appears in the audit
 * trail or in a session can only be deactivated, so their name stays on what
 * they did and nobody can work as them any more.
 */
export function PersonRow({
  person,
  index,
  focusName = false,
  errorOf,
  onChange,
  onRemove,
  onDeactivate,
  onReactivate,
}: Props) {
  const repos = useRepos()
  const [asking, setAsking] = useState<PersonReferences | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const name = nameOf(person, index)
  const active = isActive(person)

  const askToRemove = async () => {
    setProblem(null)
    try {
      setAsking(await repos.profile.referencesTo(person.id))
    } catch {
      setProblem(`Could not find out whether ${name} appears in the lab’s records, so nothing was removed. Try again.`)
    }
  }
  const appears = asking !== null && (asking.inAuditTrail || asking.sessions > 0)

  return (
    <RowGroup label={`Person ${index + 1}${active ? '' : ', deactivated'}`}>
      <TextField
        label="Name"
        value={person.name}
        autoFocus={focusName}
        error={errorOf(`people.${index}.name`)}
        onChange={(value) => onChange({ name: value }, 'name')}
      />
      <TextField
        label="Initials"
        value={person.initials}
        error={errorOf(`people.${index}.initials`)}
        onChange={(initials) => onChange({ initials: initials.toUpperCase() }, 'initials')}
      />
      <SelectField<Role>
        label="Role"
        value={person.role}
        options={roles.map((role) => ({ value: role, label: roleLabels[role] }))}
        onChange={(role) => onChange({ role }, 'role')}
      />
      {active ? (
        <button type="button" className="remove" aria-label={`Remove ${name}`} onClick={() => void askToRemove()}>
          Remove
        </button>
      ) : (
        <>
          <p className="person-state">Deactivated {dates.day(person.deactivatedAt ?? '')}</p>
          <button type="button" aria-label={`Reactivate ${name}`} onClick={onReactivate}>
            Reactivate
          </button>
        </>
      )}
      {problem ? (
        <p role="alert" className="field-error">
          {problem}
        </p>
      ) : null}
      {asking !== null && appears ? (
        <ConfirmPanel
          title={`${name} cannot be removed; deactivate instead?`}
          confirmLabel={`Deactivate ${name}`}
          onConfirm={() => {
            setAsking(null)
            onDeactivate()
          }}
          onCancel={() => setAsking(null)}
        >
          <p>
            {`${name} appears ${whereTheyAppear(asking)}, and those records must keep saying who did what. Deactivated, ${name} stays named on them but can no longer be chosen as the person working or as a tester.`}
          </p>
        </ConfirmPanel>
      ) : null}
      {asking !== null && !appears ? (
        <ConfirmPanel
          title={`Remove ${name} from the lab?`}
          confirmLabel={`Remove ${name}`}
          onConfirm={() => {
            setAsking(null)
            onRemove()
          }}
          onCancel={() => setAsking(null)}
        >
          <p>{name} has made no entry and tested no session, so nothing refers to them.</p>
        </ConfirmPanel>
      ) : null}
    </RowGroup>
  )
}
