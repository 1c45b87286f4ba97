import { useLiveQuery } from 'dexie-react-hooks'
import { useId } from 'react'
import { activePeople, roleLabels } from '../../core/model/lab-profile'
import { workstationActor } from '../storage/repositories'
import { useServices } from './services-context'
import { actorFor, useWorkingAs } from './working-as'

/** Chooses who is at the bench: every change from now on is recorded in their name. */
export function WorkingAsPicker() {
  const { repos, workingAs } = useServices()
  const actor = useWorkingAs()
  const profile = useLiveQuery(() => repos.profile.get(), [repos])
  const id = useId()
  const people = activePeople(profile)
  // Until the profile is read, the person already working is the one shown, never "This workstation" for a moment.
  const loading = profile === undefined && actor.id !== workstationActor.id
  return (
    <div className="working-as">
      <label htmlFor={id}>Working as</label>
      <select
        id={id}
        value={loading || people.some((p) => p.id === actor.id) ? actor.id : ''}
        onChange={(event) => {
          const personId = event.target.value || null
          workingAs.set(actorFor(profile, personId))
          void repos.settings.setWorkingAs(personId)
        }}
      >
        <option value="">{workstationActor.name}</option>
        {loading ? <option value={actor.id}>{actor.name}</option> : null}
        {people.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name} ({roleLabels[person.role]})
          </option>
        ))}
      </select>
    </div>
  )
}
