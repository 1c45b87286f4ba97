import type { LabBridge } from '../../core/bridge/contract'

/** What the result journal needs of a storage: localStorage's synchronous calls. */
export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>

export type JournalMirrorOptions = {
  /** The keys that are journal entries; other keys of the storage are left alone. */
  readonly prefix: string
  /** Of two copies of one entry, the one written later. */
  readonly later: (a: string, b: string) => string
}

/** Why main's copy of the journal is not whole, or null while it is. */
export type JournalMirror = {
  readonly storage: JournalStorage
  problem(): string | null
  subscribe(listener: () => void): () => void
  /** Resolves once main has answered every change sent to it so far. */
  settled(): Promise<void>
}

/**
 * The result journal kept twice: in this window's localStorage, which answers
 * at once but reaches the disk only seconds later (a kill loses those seconds),
 * and in main's journal file, which every change is sent to the moment it is
 * made and which main writes with fsync. Before the window's first change, the
 * two are joined: the later copy of each entry wins in both, so whatever either
 * kept of a killed window is stored when its session opens again.
 */
export async function mirrorJournal(
  bridge: Pick<LabBridge['journal'], 'read' | 'write'>,
  local: JournalStorage,
  options: JournalMirrorOptions,
): Promise<JournalMirror> {
  let problem: string | null = null
  const listeners = new Set<() => void>()
  const setProblem = (next: string | null) => {
    if (next === problem) return
    problem = next
    for (const listener of listeners) listener()
  }
  // Calls reach main in the order they are made, and main applies them in that order.
  let answered: Promise<void> = Promise.resolve()
  const send = (puts: { key: string; value: string }[], drops: string[]) => {
    const reply = bridge.write({ puts, drops }).then(
      (reply) => setProblem(reply.ok ? null : reply.problem.message),
      (error: unknown) => setProblem(String(error)),
    )
    answered = Promise.all([answered, reply]).then(() => undefined)
  }

  const read = await bridge.read()
  const inMain = new Map(read.ok ? read.value.entries.map((e) => [e.key, e.value]) : [])
  if (!read.ok) problem = read.problem.message
  else if (read.value.damaged !== null) problem = read.value.damaged

  const toMain: { key: string; value: string }[] = []
  for (let i = 0; i < local.length; i++) {
    const key = local.key(i)
    const here = key === null ? null : local.getItem(key)
    if (key === null || here === null || !key.startsWith(options.prefix)) continue
    const there = inMain.get(key)
    if (there === undefined || (there !== here && options.later(there, here) === here))
      toMain.push({ key, value: here })
  }
  for (const [key, there] of inMain) {
    const here = local.getItem(key)
    if (here !== null && options.later(here, there) === here) continue
    try {
      local.setItem(key, there)
    } catch {
      // A full localStorage: main's copy still holds it, and is read again at the next start.
    }
  }
  // Written by an older build, or while main could not write: main keeps it from now on too.
  if (toMain.length > 0) send(toMain, [])

  return {
    storage: {
      get length() {
        return local.length
      },
      key: (index) => local.key(index),
      getItem: (key) => local.getItem(key),
      setItem(key, value) {
        // Main first: a full localStorage throws, and the change must still reach the disk.
        if (key.startsWith(options.prefix)) send([{ key, value }], [])
        local.setItem(key, value)
      },
      removeItem(key) {
        if (key.startsWith(options.prefix)) send([], [key])
        local.removeItem(key)
      },
    },
    problem: () => problem,
    settled: () => answered,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
