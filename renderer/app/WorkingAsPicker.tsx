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
  return (
    <div className="working-as">
      <label htmlFor={id}>Working as</label>
      <select
        id={id}
        value={people.some((p) => p.id === actor.id) ? actor.id : ''}
        onChange={(event) => {
          const personId = event.target.value || null
          workingAs.set(actorFor(profile, personId))
          void repos.settings.setWorkingAs(personId)
        }}
      >
        <option value="">{workstationActor.name}</option>
        {people.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name} ({roleLabels[person.role]})
          </option>
        ))}
      </select>
    </div>
  )
}
