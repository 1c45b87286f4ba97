import { assertNever } from '../../core/assert-never'
import { readReply, type AnyProtocol, type RequestMessage } from './protocol'
import { messageOf } from '../../core/text/message-of'

// Runs jobs in Web Workers for the window. A worker is the only thing that can stop
// a synchronous parser caught in a loop: terminating it. So every job has a
// deadline and a cancel, and whatever happens the caller gets exactly one outcome
// and the worker is terminated, or handed back to its pool only when it answered.

/** The part of a Worker the host uses, so UI tests (happy-dom has no workers) can hand in a fake. */
export type WorkerLike<Request = unknown> = {
  onmessage: ((event: MessageEvent) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
  onmessageerror: ((event: MessageEvent) => void) | null
  postMessage(message: RequestMessage<Request>, transfer: Transferable[]): void
  terminate(): void
}

/** Starts a fresh worker of one kind, e.g. `() => new Worker(new URL('./x.worker.ts', import.meta.url), { type: 'module' })`. */
export type StartWorker<P extends AnyProtocol> = () => WorkerLike<P['request']>

/** How a job's failures are put to a person: "<subject> could not be <action>: the <worker> stopped (…). <remedy>" */
export type JobLabel = {
  /** What the job works on, as a person knows it: the file's name, "the availability of Smart Plug". */
  readonly subject: string
  /** What the job does to it, as a past participle: "read", "decoded", "computed". */
  readonly action: string
  /** The worker as a person would call it: "file reader", "image decoder". */
  readonly worker: string
  /** What to do, or what did not happen, said after the failure: "Nothing was imported." */
  readonly remedy?: string
}

export type JobOptions<P extends AnyProtocol> = {
  /** The worker is terminated this long after it starts the job; Infinity for none (trusted work only). */
  readonly deadlineMillis: number
  /** Aborting it terminates the worker at once, or drops the job if it is still queued. */
  readonly signal?: AbortSignal
  /** Buffers inside the request to hand over rather than copy; the caller must not use them afterwards. */
  readonly transfer?: readonly Transferable[]
  /** Called for each progress message, until the outcome. */
  readonly onProgress?: (progress: P['progress']) => void
  readonly label: JobLabel
}

/** Why a job failed; `handler` is the worker's own code throwing, the rest is the worker or its messages breaking. */
export type FailureCause = 'start' | 'send' | 'handler' | 'crash' | 'damaged'

export type JobOutcome<Result> =
  | { readonly kind: 'done'; readonly result: Result }
  | { readonly kind: 'failed'; readonly cause: FailureCause; readonly message: string }
  | { readonly kind: 'timed-out'; readonly afterMillis: number }
  | { readonly kind: 'canceled' }

/** Runs one job in a fresh worker, terminated once there is an outcome: the way to parse an untrusted file. */
export function runInWorker<P extends AnyProtocol>(
  start: StartWorker<P>,
  request: P['request'],
  options: JobOptions<P>,
): Promise<JobOutcome<P['result']>> {
  if (options.signal?.aborted === true) return Promise.resolve({ kind: 'canceled' })
  const worker = startOrFail(start, options.label)
  if ('kind' in worker) return Promise.resolve(worker)
  return attend(worker, nextJob(), request, options).then(({ outcome }) => {
    worker.terminate()
    return outcome
  })
}

export type WorkerPool<P extends AnyProtocol> = {
  /** Runs the job on a free worker, or queues it until one is free; the deadline runs from the start, not the queue. */
  run(request: P['request'], options: JobOptions<P>): Promise<JobOutcome<P['result']>>
  /** Terminates every worker: running and queued jobs end as canceled. For a page that goes away. */
  close(): void
}

export type PoolOptions<P extends AnyProtocol> = {
  readonly start: StartWorker<P>
  /** At most this many workers at once; defaultPoolSize() unless given. */
  readonly size?: number
  /**
   * Keep a worker that answered for the next job, saving its start-up. Only for
   * workers that hold nothing between jobs; a worker that timed out, was canceled
   * or broke is terminated all the same. Off by default: untrusted files get a fresh worker each.
   */
  readonly reuse?: boolean
}

/** Workers for parallel work: one per core but one (the window's), at least 1 and at most `cap`. */
export function defaultPoolSize(
  cores: number | undefined = globalThis.navigator?.hardwareConcurrency,
  cap = 4,
): number {
  const usable = typeof cores === 'number' && Number.isFinite(cores) ? Math.floor(cores) - 1 : 1
  return Math.max(1, Math.min(cap, usable))
}

/** Runs several jobs at once on at most `size` workers, queueing the rest in order. */
export function createWorkerPool<P extends AnyProtocol>(options: PoolOptions<P>): WorkerPool<P> {
  const size = Math.max(1, Math.floor(options.size ?? defaultPoolSize()))
  const idle: WorkerLike<P['request']>[] = []
  const queue: { readonly begin: () => void; readonly drop: () => void }[] = []
  const running = new Set<AbortController>()
  let busy = 0
  let closed = false

  const startNext = () => {
    while (!closed && busy < size) {
      const next = queue.shift()
      if (next === undefined) return
      next.begin()
    }
  }

  const run = (request: P['request'], job: JobOptions<P>): Promise<JobOutcome<P['result']>> =>
    new Promise((resolve) => {
      if (closed || job.signal?.aborted === true) return resolve({ kind: 'canceled' })
      const onQueuedAbort = () => {
        const at = queue.indexOf(entry)
        if (at !== -1) queue.splice(at, 1)
        resolve({ kind: 'canceled' })
      }
      const entry = {
        drop: () => {
          job.signal?.removeEventListener('abort', onQueuedAbort)
          resolve({ kind: 'canceled' })
        },
        begin: () => {
          job.signal?.removeEventListener('abort', onQueuedAbort)
          busy++
          void runOnWorker(request, job).then((outcome) => {
            busy--
            resolve(outcome)
            startNext()
          })
        },
      }
      job.signal?.addEventListener('abort', onQueuedAbort, { once: true })
      queue.push(entry)
      startNext()
    })

  const runOnWorker = async (request: P['request'], job: JobOptions<P>): Promise<JobOutcome<P['result']>> => {
    const worker = idle.pop() ?? startOrFail(options.start, job.label)
    if ('kind' in worker) return worker
    // The pool's close() must stop this job too, whatever the caller's signal does.
    const stop = new AbortController()
    const forward = () => stop.abort()
    job.signal?.addEventListener('abort', forward, { once: true })
    running.add(stop)
    const { outcome, reusable } = await attend(worker, nextJob(), request, { ...job, signal: stop.signal })
    running.delete(stop)
    job.signal?.removeEventListener('abort', forward)
    if (options.reuse === true && reusable && !closed) keep(worker)
    else worker.terminate()
    return outcome
  }

  const keep = (worker: WorkerLike<P['request']>) => {
    // A kept worker that dies while idle is dropped, so the next job does not wait on it until its deadline.
    worker.onerror = (event) => {
      event.preventDefault()
      const at = idle.indexOf(worker)
      if (at !== -1) idle.splice(at, 1)
      worker.terminate()
    }
    idle.push(worker)
  }

  const close = () => {
    closed = true
    for (const entry of queue.splice(0)) entry.drop()
    for (const stop of running) stop.abort()
    for (const worker of idle.splice(0)) worker.terminate()
  }

  return { run, close }
}

let lastJob = 0
const nextJob = () => ++lastJob

function startOrFail<P extends AnyProtocol>(
  start: StartWorker<P>,
  label: JobLabel,
): WorkerLike<P['request']> | JobOutcome<never> {
  try {
    return start()
  } catch (error) {
    return failed('start', label, `the ${label.worker} did not start (${messageOf(error)})`)
  }
}

/**
 * Gives one job to a worker and waits for its one outcome. The worker is left
 * running; `reusable` says whether it answered and may take another job, and the
 * caller terminates it otherwise.
 */
function attend<P extends AnyProtocol>(
  worker: WorkerLike<P['request']>,
  job: number,
  request: P['request'],
  options: JobOptions<P>,
): Promise<{ readonly outcome: JobOutcome<P['result']>; readonly reusable: boolean }> {
  const { label, signal } = options
  return new Promise((resolve) => {
    let settled = false
    const finish = (outcome: JobOutcome<P['result']>) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      worker.onmessage = null
      worker.onerror = null
      worker.onmessageerror = null
      resolve({
        outcome,
        reusable: outcome.kind === 'done' || (outcome.kind === 'failed' && outcome.cause === 'handler'),
      })
    }
    const onAbort = () => finish({ kind: 'canceled' })
    const deadline = options.deadlineMillis
    // setTimeout fires at once for a delay past 2^31 - 1 ms, so "no deadline" must be no timer at all.
    const timer = Number.isFinite(deadline)
      ? setTimeout(
          () => finish({ kind: 'timed-out', afterMillis: deadline }),
          Math.min(Math.max(0, deadline), 2 ** 31 - 1),
        )
      : undefined
    signal?.addEventListener('abort', onAbort, { once: true })

    worker.onmessage = (event) => {
      const reply = readReply<P>(event.data)
      if (reply === undefined) return finish(failed('damaged', label, `the ${label.worker}'s answer was damaged`))
      // Leftovers of an earlier job on a kept worker; a failure that names no job is about the request just sent.
      if (reply.job !== job && !(reply.kind === 'failed' && reply.job === null)) return undefined
      switch (reply.kind) {
        case 'progress':
          return settled ? undefined : options.onProgress?.(reply.progress)
        case 'done':
          return finish({ kind: 'done', result: reply.result })
        case 'failed':
          return finish(failed('handler', label, `the ${label.worker} failed (${reply.message})`))
        default:
          return assertNever(reply)
      }
    }
    worker.onerror = (event) => {
      // Handled here: the window's console would otherwise report it as an uncaught error.
      event.preventDefault()
      finish(failed('crash', label, `the ${label.worker} stopped (${event.message || 'no reason given'})`))
    }
    worker.onmessageerror = () => finish(failed('damaged', label, `the ${label.worker}'s answer was damaged`))

    try {
      worker.postMessage({ kind: 'request', job, request }, [...(options.transfer ?? [])])
    } catch (error) {
      finish(failed('send', label, `it could not be handed to the ${label.worker} (${messageOf(error)})`))
    }
  })
}

const failed = (cause: FailureCause, label: JobLabel, what: string): JobOutcome<never> => ({
  kind: 'failed',
  cause,
  message: `${label.subject} could not be ${label.action}: ${what}.${label.remedy === undefined ? '' : ` ${label.remedy}`}`,
})
