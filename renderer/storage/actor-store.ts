import type { Actor } from './audit-log'

/** Whoever works at the bench when no person of the lab profile is chosen. */
export const workstationActor: Actor = { id: 'workstation', name: 'This workstation' }

/**
 * Who is working now. Repositories read it synchronously inside their
 * transactions for the audit trail; the screens subscribe to show and change it.
 */
export type ActorStore = {
  readonly current: () => Actor
  readonly set: (actor: Actor) => void
  readonly subscribe: (listener: () => void) => () => void
}

export function createActorStore(initial: Actor = workstationActor): ActorStore {
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
