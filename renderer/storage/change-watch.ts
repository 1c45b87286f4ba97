import { cmp, type DBCore, type DBCoreMutateRequest, type DBCoreTable, type Middleware } from 'dexie'

/** What a recording knows of one key written while it ran. */
export type ChangedKey = {
  readonly key: unknown
  /**
   * Whether the reading the recording watches over (a backup's export) holds
   * this key. `pending` until the reading reaches the key's place and says;
   * `checking` while the writer's own transaction reads, before its write,
   * whether a key the reading had already passed was there.
   */
  inReading: boolean | 'pending' | 'checking'
}

/** The keys written to one table while a recording ran. */
export type TableChanges = {
  readonly keys: Map<string, ChangedKey>
  /** A write the recording cannot name keys for (a range delete): the whole table is read again. */
  whole: boolean
}

/**
 * Every write to the database while it runs, by table and key. A long reading
 * made in short transactions (a backup's export) tells it how far it has read
 * each table, so for every key written meanwhile the recording knows whether
 * the reading holds that key; re-reading just those keys afterwards, in one
 * short transaction, turns the reading into one consistent moment of the lab.
 */
export type ChangeRecording = {
  readonly tables: ReadonlyMap<string, TableChanges>
  /** The reading has read `table` up to and including `key`, and holds that row. */
  read(table: string, key: unknown): void
  /** Stops recording; pending keys the reading never reached are not in it. A key still `checking` stays so. */
  stop(): void
}

export type ChangeWatch = {
  /** Starts a recording; every write the database is asked for from now on is in it. */
  record(): ChangeRecording
  readonly middleware: Middleware<DBCore>
}

type Recording = ChangeRecording & {
  readonly lastRead: Map<string, unknown>
  readonly tables: Map<string, TableChanges>
}

/** The primary key of a row of `table`: the one given (outbound keys), or the one read from the row. */
export const rowKeyOf = (table: { readonly core: DBCoreTable }, value: unknown, key?: unknown): unknown =>
  key ?? table.core.schema.primaryKey.extractKey?.(value)

/** Keys here are strings, numbers or arrays of them (compound keys), so JSON names each one exactly. */
export const keyName = (key: unknown): string => JSON.stringify(key)

/**
 * A change watch for one database: its middleware sees every add, put and
 * delete before it reaches IndexedDB, and costs nothing while no recording runs.
 */
export function createChangeWatch(): ChangeWatch {
  const recordings = new Set<Recording>()

  const record = (): ChangeRecording => {
    const tables = new Map<string, TableChanges>()
    const lastRead = new Map<string, unknown>()
    const recording: Recording = {
      tables,
      lastRead,
      read(table, key) {
        lastRead.set(table, key)
        const known = tables.get(table)?.keys.get(keyName(key))
        if (known?.inReading === 'pending') known.inReading = true
      },
      stop() {
        recordings.delete(recording)
        for (const changes of tables.values()) {
          for (const changed of changes.keys.values()) if (changed.inReading === 'pending') changed.inReading = false
        }
      },
    }
    recordings.add(recording)
    return recording
  }

  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'change-watch',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name)
        return {
          ...table,
          // Only while a recording runs does a write wait for anything (its check, in its own transaction).
          // The chain stays on Dexie's promises, so the layers below keep the transaction's zone.
          mutate: (request) => {
            if (recordings.size === 0) return table.mutate(request)
            const toCheck = note(recordings, table, name, request)
            if (toCheck.length === 0) return table.mutate(request)
            return table.getMany({ trans: request.trans, keys: toCheck }).then((before) => {
              checked(recordings, name, toCheck, before)
              return table.mutate(request)
            })
          },
        }
      },
    }),
  }

  return { record, middleware }
}

/** Notes a write in every recording; returns the keys the reading had passed, whose presence before the write is to be read. */
function note(
  recordings: ReadonlySet<Recording>,
  table: DBCoreTable,
  name: string,
  request: DBCoreMutateRequest,
): unknown[] {
  const touched = touchedBy(table, request)
  const toCheck: unknown[] = []
  for (const recording of recordings) {
    const changes = changesIn(recording, name)
    if (touched.whole) changes.whole = true
    const readUpTo = recording.lastRead.get(name)
    for (const key of touched.keys) {
      const id = keyName(key)
      if (changes.keys.has(id)) continue
      const passed = readUpTo !== undefined && cmp(key, readUpTo) <= 0
      changes.keys.set(id, { key, inReading: passed ? 'checking' : 'pending' })
      if (passed) toCheck.push(key)
    }
  }
  return toCheck
}

/** The reading passed these keys before the write: it holds each one that was there just before it. */
function checked(
  recordings: ReadonlySet<Recording>,
  name: string,
  keys: readonly unknown[],
  before: readonly unknown[],
) {
  for (const recording of recordings) {
    const changes = changesIn(recording, name)
    keys.forEach((key, i) => {
      const changed = changes.keys.get(keyName(key))
      if (changed?.inReading === 'checking') changed.inReading = before[i] !== undefined
    })
  }
}

function changesIn(recording: Recording, name: string): TableChanges {
  let changes = recording.tables.get(name)
  if (changes === undefined) {
    changes = { keys: new Map(), whole: false }
    recording.tables.set(name, changes)
  }
  return changes
}

/** What a write touches: the keys it names, or (a range delete, a row whose key the database picks) the whole table. */
type Touched = { readonly keys: readonly unknown[]; readonly whole: boolean }

function touchedBy(table: DBCoreTable, request: DBCoreMutateRequest): Touched {
  switch (request.type) {
    case 'delete':
      return { keys: request.keys, whole: false }
    case 'deleteRange':
      return { keys: [], whole: true }
    case 'add':
    case 'put': {
      if (request.keys != null) return { keys: request.keys, whole: false }
      if (request.type === 'put' && request.updates != null) return { keys: request.updates.keys, whole: false }
      const primaryKey = table.schema.primaryKey
      const extract = primaryKey.extractKey
      if (extract === null) return { keys: [], whole: true }
      const found = request.values.map((value) => extract(value) as unknown)
      const keys = found.filter((key) => key !== undefined)
      return { keys, whole: keys.length < found.length }
    }
  }
}
