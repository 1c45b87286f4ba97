import type { Result } from '../../../../core/model/result'
import type { Outcome, Problem } from '../../../../core/outcome'
import type { ResultChange } from '../../../storage/result-journal'

/** When a change is audited: at once (a verdict, evidence), or when the burst of typing it belongs to ends (notes). */
export type AuditWhen = 'now' | 'at-burst-end'

/** A case's saved state, as the screen shows it. */
export type CaseSaveState =
  { readonly kind: 'saving' } | { readonly kind: 'saved' } | { readonly kind: 'failed'; readonly problem: Problem }

export type CaseWritesOptions = {
  readonly write: (caseId: string, change: ResultChange, audit: AuditWhen) => Promise<Outcome<Result>>
  /** Keeps a change somewhere synchronous (the journal) the moment it is made, before it waits for a write. */
  readonly note?: (caseId: string, change: ResultChange) => void
  /** A case's saved state changed. */
  readonly onState: (caseId: string, state: CaseSaveState) => void
  /** A write committed and nothing newer waits for the case: this is the case as stored. */
  readonly onStored: (caseId: string, result: Result) => void
  /**
   * "Saved" shows only this long after the newest typed change (notes) at the
   * earliest, so a person typing sees "Saving…" steadily rather than a flicker on
   * every key. A verdict shows "Saved" the moment it committed.
   */
  readonly quietMs?: number
  readonly now?: () => number
}

type Waiting = { readonly change: ResultChange; readonly audit: AuditWhen }

type CaseQueue = {
  running: boolean
  /** The newest changes not written yet, merged: only the newest text of a note is ever kept. */
  queued: Waiting | undefined
  /** A change whose write failed: merged into the next one, or written again by retry. */
  failed: Waiting | undefined
  /** When the newest typed change came, or -Infinity after a verdict or evidence: nothing to wait for. */
  lastTypedAt: number
  timer: ReturnType<typeof setTimeout> | undefined
}

const merge = (a: Waiting | undefined, b: Waiting): Waiting =>
  a === undefined
    ? b
    : { change: { ...a.change, ...b.change }, audit: a.audit === 'now' || b.audit === 'now' ? 'now' : 'at-burst-end' }

/**
 * Writes each case's changes as soon as they are made, at most one write in
 * flight per case. While one is in flight, later changes are merged and only the
 * newest is kept; it is written the moment the previous one completes, so the
 * last keystroke's text is on disk one transaction time after it was typed.
 * "Saved" is reported only when the newest change of the case committed.
 */
export function createCaseWrites(options: CaseWritesOptions) {
  const quietMs = options.quietMs ?? 0
  const now = options.now ?? (() => performance.now())
  const cases = new Map<string, CaseQueue>()
  const idleWaiters: (() => void)[] = []

  const queueOf = (caseId: string): CaseQueue => {
    let queue = cases.get(caseId)
    if (!queue) {
      queue = { running: false, queued: undefined, failed: undefined, lastTypedAt: -Infinity, timer: undefined }
      cases.set(caseId, queue)
    }
    return queue
  }

  const allIdle = () => [...cases.values()].every((q) => !q.running && q.queued === undefined)
  const wakeIdle = () => {
    if (!allIdle()) return
    for (const wake of idleWaiters.splice(0)) wake()
  }

  const reportSaved = (caseId: string, queue: CaseQueue) => {
    const wait = queue.lastTypedAt + quietMs - now()
    if (wait <= 0) return options.onState(caseId, { kind: 'saved' })
    queue.timer = setTimeout(() => {
      queue.timer = undefined
      if (!queue.running && queue.queued === undefined && queue.failed === undefined)
        options.onState(caseId, { kind: 'saved' })
    }, wait)
  }

  async function pump(caseId: string, queue: CaseQueue): Promise<void> {
    if (queue.running) return
    while (queue.queued !== undefined) {
      const job = queue.queued
      queue.queued = undefined
      queue.running = true
      let outcome: Outcome<Result>
      try {
        outcome = await options.write(caseId, job.change, job.audit)
      } finally {
        queue.running = false
      }
      if (!outcome.ok) {
        // Kept, not dropped: the next change to the case carries it, and so does Try again.
        queue.failed = merge(job, queue.queued ?? job)
        queue.queued = undefined
        options.onState(caseId, { kind: 'failed', problem: outcome.problem })
        break
      }
      queue.failed = undefined
      if (queue.queued === undefined) {
        options.onStored(caseId, outcome.value)
        reportSaved(caseId, queue)
      }
    }
    wakeIdle()
  }

  return {
    /** Writes a change of a case now, or as soon as the write in flight for the case completes. */
    submit(caseId: string, change: ResultChange, audit: AuditWhen): void {
      options.note?.(caseId, change)
      const queue = queueOf(caseId)
      clearTimeout(queue.timer)
      queue.lastTypedAt = audit === 'at-burst-end' ? now() : -Infinity
      queue.queued = merge(merge(queue.failed, queue.queued ?? { change: {}, audit }), { change, audit })
      queue.failed = undefined
      options.onState(caseId, { kind: 'saving' })
      void pump(caseId, queue)
    },
    /** Writes a case's failed change again. */
    retry(caseId: string): void {
      const queue = cases.get(caseId)
      if (!queue?.failed) return
      queue.queued = merge(queue.failed, queue.queued ?? queue.failed)
      queue.failed = undefined
      options.onState(caseId, { kind: 'saving' })
      void pump(caseId, queue)
    },
    /** Whether anything of the case is still unwritten: in flight, waiting, or failed. */
    unsettled(caseId: string): boolean {
      const queue = cases.get(caseId)
      return queue !== undefined && (queue.running || queue.queued !== undefined || queue.failed !== undefined)
    },
    /** Resolves once no write is in flight or waiting in any case (failed ones stay failed). */
    idle(): Promise<void> {
      if (allIdle()) return Promise.resolve()
      return new Promise((resolve) => idleWaiters.push(resolve))
    },
    /** Stops the timers of a runner that closes; writes in flight still complete. */
    dispose(): void {
      for (const queue of cases.values()) clearTimeout(queue.timer)
    },
  }
}

export type CaseWrites = ReturnType<typeof createCaseWrites>
