import { useCallback, useSyncExternalStore } from 'react'
import type { SessionSummary } from '../../../../core/model/session'
import { useWorkingAs } from '../../../app/working-as'
import type { Actor } from '../../../storage/audit-log'

// Who agreed to enter results in whose session, for this window's life: asked once, not at every verdict.
const agreed = new Set<string>()
const listeners = new Set<() => void>()
const keyOf = (sessionId: string, actorId: string) => `${sessionId}\n${actorId}`

export type EntryConsent = {
  /** True while entries wait for the person working to say they enter them in another tester's session. */
  readonly needed: boolean
  /** Who entries are recorded as: the person working (or the workstation), never the session's tester by default. */
  readonly actor: Actor
  readonly agree: () => void
}

/**
 * Entering results in a session someone else tests is allowed, once the person
 * working says so: the entries are recorded in their own name, and the session
 * keeps its tester. Asked again only when someone else starts working.
 */
export function useEntryConsent(session: Pick<SessionSummary, 'id' | 'testerId' | 'state'>): EntryConsent {
  const actor = useWorkingAs()
  const key = keyOf(session.id, actor.id)
  const subscribe = useCallback((listener: () => void) => {
    listeners.add(listener)
    return () => listeners.delete(listener)
  }, [])
  const hasAgreed = useSyncExternalStore(subscribe, () => agreed.has(key))
  const agree = useCallback(() => {
    agreed.add(key)
    for (const listener of listeners) listener()
  }, [key])
  const needed = session.state === 'running' && actor.id !== session.testerId && !hasAgreed
  return { needed, actor, agree }
}
