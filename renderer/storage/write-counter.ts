import Dexie, { type ObservabilitySet } from 'dexie'

/**
 * How many write transactions have committed to each table of one database since the counter was made: in this
 * window, or in another window or worker of the app (Dexie's storagemutated event covers both). A view that keeps
 * what it read between opens compares the count of the tables it read with the count at its reading: equal, and
 * nothing it showed can have changed.
 */
export type WriteCounter = {
  /** The writes committed so far to any of these tables. */
  readonly count: (tables: readonly string[]) => number
  /** Calls `listener` after each commit that wrote to any of these tables; returns the call that stops it. */
  readonly onWrite: (tables: readonly string[], listener: () => void) => () => void
}

/** The table a mutated part names: parts read "idb://<database>/<table>/<index>", and only the database may hold "/". */
function tableOf(part: string, prefix: string): string | undefined {
  if (!part.startsWith(prefix)) return undefined
  const rest = part.slice(prefix.length)
  const slash = rest.indexOf('/')
  return slash < 0 ? undefined : rest.slice(0, slash)
}

export function createWriteCounter(databaseName: string): WriteCounter {
  const prefix = `idb://${databaseName}/`
  const counts = new Map<string, number>()
  const listeners = new Set<{ readonly tables: ReadonlySet<string>; readonly call: () => void }>()
  Dexie.on('storagemutated', (parts: ObservabilitySet) => {
    const written = new Set<string>()
    for (const part of Object.keys(parts)) {
      const table = tableOf(part, prefix)
      if (table !== undefined) written.add(table)
    }
    for (const table of written) counts.set(table, (counts.get(table) ?? 0) + 1)
    for (const listener of listeners) if ([...written].some((t) => listener.tables.has(t))) listener.call()
  })
  return {
    count: (tables) => tables.reduce((sum, table) => sum + (counts.get(table) ?? 0), 0),
    onWrite(tables, call) {
      const listener = { tables: new Set(tables), call }
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
