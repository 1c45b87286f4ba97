import { useSyncExternalStore } from 'react'
import type { LabProfile } from '../../core/model/lab-profile'
import type { Actor } from '../storage/audit-log'
import { workstationActor, type Repositories } from '../storage/repositories'
import { useServices } from './services-context'
import type { WorkingAsStore } from './working-as-store'

/** The actor for a person of the profile, or the workstation when the person is not (or no longer) in it. */
export function actorFor(profile: LabProfile | undefined, personId: string | null): Actor {
  const person = profile?.people.find((p) => p.id === personId)
  return person ? { id: person.id, name: person.name } : workstationActor
}

/** At start: whoever was working at this bench last time. */
export async function restoreWorkingAs(repos: Repositories, workingAs: WorkingAsStore): Promise<void> {
  const [profile, personId] = await Promise.all([repos.profile.get(), repos.settings.workingAs()])
  workingAs.set(actorFor(profile, personId))
}

/** Who is working now, kept current as it changes. */
export function useWorkingAs(): Actor {
  const { workingAs } = useServices()
  return useSyncExternalStore(workingAs.subscribe, workingAs.current)
}
