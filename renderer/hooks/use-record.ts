import { useState } from 'react'
import { useRepos } from '../app/services-context'
import type { EntityKind } from '../../core/model/entity'
import { useLoadOnce } from './use-load-once'

export type ReadyRecord<T> = {
  readonly record: T
  readonly isNew: boolean
  /** Contents typed on an earlier visit that were never valid enough to save, and when. */
  readonly restored?: { readonly value: T; readonly savedAt: string }
}

export type LoadedRecord<T> =
  { readonly state: 'loading' } | { readonly state: 'missing' } | ({ readonly state: 'ready' } & ReadyRecord<T>)

/**
 * Loads the record an editor opens, or makes a fresh one for "new", together
 * with any unsaved draft of it. The fresh record keeps one id for the editor's
 * life, so its draft, its first save and the saves after it all concern one row.
 */
export function useRecord<T extends { readonly id: string; readonly updatedAt: string }>(
  kind: EntityKind,
  id: string,
  get: (id: string) => Promise<T | undefined>,
  makeNew: () => T,
  /** Read again when this changes (a record restored from the archive: what its page showed may be old). */
  generation = 0,
): LoadedRecord<T> {
  const repos = useRepos()
  const isNewAddress = id === 'new'
  const [fresh] = useState((): LoadedRecord<T> | undefined =>
    isNewAddress ? { state: 'ready', record: makeNew(), isNew: true } : undefined,
  )
  const loaded = useLoadOnce(async (): Promise<LoadedRecord<T>> => {
    if (isNewAddress) return { state: 'loading' }
    const [stored, draft] = await Promise.all([get(id), repos.drafts.get(kind, id)])
    const base = stored ?? (draft ? { ...makeNew(), id } : undefined)
    if (base === undefined) return { state: 'missing' }
    // A draft older than the stored record was overtaken by a later save (a crash between the two writes).
    const restorable = draft !== undefined && (stored === undefined || draft.savedAt > stored.updatedAt)
    return {
      state: 'ready',
      record: base,
      isNew: stored === undefined,
      ...(restorable
        ? { restored: { value: { ...base, ...(draft.value as Partial<T>), id }, savedAt: draft.savedAt } }
        : {}),
    }
  }, `${kind}:${id}:${generation}`)
  return fresh ?? loaded ?? { state: 'loading' }
}
