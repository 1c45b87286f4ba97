/**
 * The journals of changes on their way to IndexedDB (results, editor drafts)
 * share one key space in the window's storage, mirrored whole to main's
 * journal file: each entry is JSON with the time it was made (`at`) and a
 * version that grows with each change of the same key.
 */
export const pendingPrefix = 'wwa-lab.pending-'

/** Of two stored copies of one entry, the one made later (by its time, then its version); the first if neither is. */
export function laterPendingEntry(a: string, b: string): string {
  const order = (raw: string): readonly [string, number] => {
    try {
      const entry = JSON.parse(raw) as { at?: unknown; version?: unknown }
      return [typeof entry.at === 'string' ? entry.at : '', typeof entry.version === 'number' ? entry.version : 0]
    } catch {
      return ['', 0]
    }
  }
  const [atA, versionA] = order(a)
  const [atB, versionB] = order(b)
  return atB > atA || (atB === atA && versionB > versionA) ? b : a
}

/** A journal entry as JSON in the storage, or undefined when it is missing or cannot be read. */
export function readPendingEntry<E>(storage: Pick<Storage, 'getItem'> | undefined, key: string): E | undefined {
  try {
    const raw = storage?.getItem(key)
    return raw ? (JSON.parse(raw) as E) : undefined
  } catch {
    return undefined
  }
}
