import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'

export type LoadedRecord<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'missing' }
  | { readonly state: 'ready'; readonly record: T; readonly isNew: boolean }

/**
 * Loads the record an editor opens, or makes a fresh one for "new". The fresh
 * record keeps one id for the editor's life, so its first save and the ones after it update one row.
 */
export function useRecord<T>(id: string, get: (id: string) => Promise<T | undefined>, makeNew: () => T): LoadedRecord<T> {
  const isNew = id === 'new'
  const [fresh] = useState(() => (isNew ? makeNew() : undefined))
  // Read once per id: the editor owns the draft after that, and a live re-read would fight the typing.
  const stored = useLiveQuery(async () => (isNew ? null : ((await get(id)) ?? null)), [id])
  if (fresh !== undefined) return { state: 'ready', record: fresh, isNew: true }
  if (stored === undefined) return { state: 'loading' }
  if (stored === null) return { state: 'missing' }
  return { state: 'ready', record: stored, isNew: false }
}
