import type { Actor } from '../storage/audit-log'
import { workstationActor } from '../storage/repositories'

/**
 * Who is working now: state of this window, not of the lab's records. The
 * repositories read it synchronously inside their transactions for the audit
 * trail; the screens subscribe to show and change it.
 */
export type WorkingAsStore = {
  readonly current: () => Actor
  readonly set: (actor: Actor) => void
  readonly subscribe: (listener: () => void) => () => void
}

export function createWorkingAsStore(initial: Actor = workstationActor): WorkingAsStore {
  let current = initial
  const listeners = new Set<() => void>()
  return {
    current: () => current,
    set(actor) {
      current = actor
      for (const listener of listeners) listener()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
