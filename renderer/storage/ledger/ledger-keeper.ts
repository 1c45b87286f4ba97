import type { LabBridge } from '../../../core/bridge/contract'
import type { LedgerHead } from '../../../core/bridge/ledger'
import { messageOf } from '../../../core/text/message-of'
import type { LedgerSnapshot } from './database-facts'

/** Whether main holds the state of the newest write: what the shell warns about when it does not. */
export type LedgerStatus = { readonly state: 'recorded' } | { readonly state: 'failed'; readonly message: string }

/** Keeps main's ledger up to date with the database after every write. */
export type LedgerKeeper = {
  /** Call once a write has committed: the database's state is sent to main, after any record under way. */
  written(): void
  /** Resolves when every write so far has been recorded, or has failed to be. */
  settled(): Promise<void>
  /** The audit head main holds now (null before any entry): what the audit view checks the trail against. */
  recordedHead(): LedgerHead | null
  status(): LedgerStatus
  /** Calls `listener` when the status changes; returns the unsubscribe. */
  subscribe(listener: () => void): () => void
}

export type LedgerKeeperDeps = {
  /** The database whose state is recorded: the lab's, as main names it. */
  readonly database: string
  readonly lab: Pick<LabBridge, 'ledger'>
  /**
   * Reads the database's head and counts now, in one read-only transaction,
   * carried forward from the state last recorded when there is one.
   */
  readonly snapshot: (lastRecorded: LedgerSnapshot | null) => Promise<LedgerSnapshot>
  /** The head main held at start. */
  readonly recordedHead: LedgerHead | null
  /** What main held at start, head and counts, when it held anything. */
  readonly recorded?: LedgerSnapshot | null
}

/**
 * Records one state at a time, always read after the write that asked for it:
 * writes that land while a record is under way are covered by one more record
 * after it, so main gets every state in order and never an older one after a
 * newer one, however fast the writes come.
 */
export function createLedgerKeeper(deps: LedgerKeeperDeps): LedgerKeeper {
  let head = deps.recordedHead
  let lastRecorded: LedgerSnapshot | null = deps.recorded ?? null
  let status: LedgerStatus = { state: 'recorded' }
  let pending = false
  let running: Promise<void> | undefined
  const listeners = new Set<() => void>()

  const setStatus = (next: LedgerStatus) => {
    const same =
      next.state === status.state &&
      (next.state === 'recorded' || (status.state === 'failed' && status.message === next.message))
    status = next
    if (!same) for (const listener of listeners) listener()
  }

  const recordOnce = async () => {
    try {
      const snapshot = await deps.snapshot(lastRecorded)
      const reply = await deps.lab.ledger.record({ database: deps.database, ...snapshot })
      if (reply.ok) {
        head = snapshot.head
        lastRecorded = snapshot
        setStatus({ state: 'recorded' })
      } else setStatus({ state: 'failed', message: reply.problem.message })
    } catch (error) {
      setStatus({ state: 'failed', message: `The database’s state could not be read: ${messageOf(error)}` })
    }
  }

  const run = async () => {
    while (pending) {
      pending = false
      await recordOnce()
    }
    running = undefined
  }

  return {
    written() {
      pending = true
      running ??= run()
    },
    settled: () => running ?? Promise.resolve(),
    recordedHead: () => head,
    status: () => status,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
