import { useSyncExternalStore } from 'react'
import { isActive, type LabProfile } from '../../core/model/lab-profile'
import type { Actor } from '../storage/audit-log'
import { workstationActor, type Repositories } from '../storage/repositories'
import { useServices } from './services-context'
import type { WorkingAsStore } from './working-as-store'

/** The actor for a person of the profile, or the workstation when the person is not (or no longer) in the lab. */
export function actorFor(profile: LabProfile | undefined, personId: string | null): Actor {
  const person = profile?.people.find((p) => p.id === personId)
  return person && isActive(person) ? { id: person.id, name: person.name } : workstationActor
}

/** At start: whoever was working at this bench last time. */
export async function restoreWorkingAs(repos: Repositories, workingAs: WorkingAsStore): Promise<void> {
  const [profile, personId] = await Promise.all([repos.profile.get(), repos.settings.workingAs()])
  workingAs.set(actorFor(profile, personId))
}

/**
 * Keeps who is working in step with the lab profile, whichever screen changed
 * it: someone removed or deactivated is nobody's name to work in any more, so
 * the next change is the workstation's until a person is chosen; a renamed
 * person's new name goes on what they do next. Returns the unsubscribe.
 */
export function followProfile(repos: Repositories, workingAs: WorkingAsStore): () => void {
  return repos.profile.watch((profile) => {
    const current = workingAs.current()
    if (current.id === workstationActor.id) return
    const next = actorFor(profile, current.id)
    if (next.id !== current.id || next.name !== current.name) workingAs.set(next)
  })
}

/** Who is working now, kept current as it changes. */
export function useWorkingAs(): Actor {
  const { workingAs } = useServices()
  return useSyncExternalStore(workingAs.subscribe, workingAs.current)
}
