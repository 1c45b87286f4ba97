import { randomUUID } from 'node:crypto'
import { ServiceError } from '../../ipc/dispatcher'

export type TransferTableOptions<T> = {
  /** An entry untouched this long is taken out, refused from then on with idleMessage, and handed to onIdle. */
  readonly idleMs: number
  readonly idleMessage: (entry: T) => string
  readonly onIdle: (entry: T) => void
  /** What to say about an ID that is not open and was never, or too long ago, ended here. */
  readonly unknownMessage: string
}

export type TransferTable<T> = {
  readonly size: number
  /** Adds an entry and returns its new ID; the caller has checked that there is room. */
  add(entry: T): string
  /** The open entry, or a not-open ServiceError that says how it ended. */
  get(id: string): T
  /** The not-open ServiceError for an ID no longer open, saying how it ended. */
  refusal(id: string): ServiceError
  /** The open entry, or undefined. */
  peek(id: string): T | undefined
  /** Restarts the entry's idle clock. */
  touch(id: string): void
  /** Takes the entry out, if still open; its ID is refused from then on with `endedMessage`. */
  take(id: string, endedMessage: string): T | undefined
  /** Tells a different story about an ended ID from now on (a commit that failed after the entry was taken). */
  remember(id: string, endedMessage: string): void
  /** Every open entry's ID. */
  ids(): readonly string[]
}

// How many ended IDs keep their story: enough for any page's recent saves and
// reads, few enough that a page asking for random IDs cannot grow main's memory.
const rememberedEndings = 64

/**
 * The open saves or read handles of main: each under a random ID the renderer
 * names in later calls, each on an idle clock so one a page forgot does not
 * hold a file open (or a temporary file on disk) for ever. An ID that is no
 * longer open is refused with words saying why: finished, cancelled, expired.
 */
export function createTransferTable<T>(options: TransferTableOptions<T>): TransferTable<T> {
  const open = new Map<string, { readonly entry: T; timer: ReturnType<typeof setTimeout> }>()
  const ended = new Map<string, string>()

  const take = (id: string, endedMessage: string): T | undefined => {
    const slot = open.get(id)
    if (slot === undefined) return undefined
    clearTimeout(slot.timer)
    open.delete(id)
    ended.set(id, endedMessage)
    if (ended.size > rememberedEndings) ended.delete(ended.keys().next().value as string)
    return slot.entry
  }

  const refusal = (id: string) => new ServiceError('not-open', ended.get(id) ?? options.unknownMessage)

  const arm = (id: string, entry: T) => {
    const timer = setTimeout(() => {
      if (open.get(id)?.entry !== entry) return
      take(id, options.idleMessage(entry))
      options.onIdle(entry)
    }, options.idleMs)
    // An idle clock must never keep the app (or a test run) alive on its own.
    timer.unref?.()
    return timer
  }

  return {
    get size() {
      return open.size
    },
    add(entry) {
      const id = randomUUID()
      open.set(id, { entry, timer: arm(id, entry) })
      return id
    },
    get(id) {
      const slot = open.get(id)
      if (slot !== undefined) return slot.entry
      throw refusal(id)
    },
    refusal,
    peek: (id) => open.get(id)?.entry,
    touch(id) {
      const slot = open.get(id)
      if (slot === undefined) return
      clearTimeout(slot.timer)
      slot.timer = arm(id, slot.entry)
    },
    take,
    remember(id, endedMessage) {
      if (!open.has(id) && ended.has(id)) ended.set(id, endedMessage)
    },
    ids: () => [...open.keys()],
  }
}
