import { useSyncExternalStore } from 'react'
import type { LabProfile } from '../../core/model/lab-profile'
import { workstationActor } from '../storage/actor-store'
import type { Actor } from '../storage/audit-log'
import type { Repositories } from '../storage/repositories'
import { useRepos } from './services-context'

/** The actor for a person of the profile, or the workstation when the person is not (or no longer) in it. */
export function actorFor(profile: LabProfile | undefined, personId: string | null): Actor {
  const person = profile?.people.find((p) => p.id === personId)
  return person ? { id: person.id, name: person.name } : workstationActor
}

/** At start: whoever was working at this bench last time. */
export async function restoreWorkingAs(repos: Repositories): Promise<void> {
  const [profile, personId] = await Promise.all([repos.profile.get(), repos.settings.workingAs()])
  repos.actors.set(actorFor(profile, personId))
}

/** Who is working now, kept current as it changes. */
export function useWorkingAs(): Actor {
  const { actors } = useRepos()
  return useSyncExternalStore(actors.subscribe, actors.current)
}
