import type { WorkerLike } from '../../../renderer/workers/host'
import type { AnyProtocol, RequestMessage } from '../../../renderer/workers/protocol'
import { serve, type ServeOptions, type WorkerHandler, type WorkerScope } from '../../../renderer/workers/serve'

// happy-dom has no Web Workers. These stand in for one at the host's seam: a
// scripted worker the test answers by hand, and a worker whose other end runs the
// real worker-side helper in this thread, messages cloned as a real worker's are.

export type ScriptedWorker<Request = unknown> = {
  readonly worker: WorkerLike<Request>
  readonly sent: { readonly message: RequestMessage<Request>; readonly transfer: Transferable[] }[]
  terminated(): boolean
  /** Delivers `data` to the host as a message from the worker. */
  reply(data: unknown): void
  /** A reply in the protocol for the last request sent. */
  done(result: unknown): void
  progress(value: unknown): void
  crash(message: string): ErrorEvent
  damage(): void
}

export function scriptedWorker<Request = unknown>(): ScriptedWorker<Request> {
  const sent: { message: RequestMessage<Request>; transfer: Transferable[] }[] = []
  let terminated = false
  const worker: WorkerLike<Request> = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage: (message, transfer) => void sent.push({ message, transfer }),
    terminate: () => {
      terminated = true
    },
  }
  const job = () => sent.at(-1)?.message.job
  const reply = (data: unknown) => worker.onmessage?.(new MessageEvent('message', { data }))
  return {
    worker,
    sent,
    terminated: () => terminated,
    reply,
    done: (result) => reply({ kind: 'done', job: job(), result }),
    progress: (value) => reply({ kind: 'progress', job: job(), progress: value }),
    crash: (message) => {
      const event = new ErrorEvent('error', { message, cancelable: true })
      worker.onerror?.(event)
      return event
    },
    damage: () => worker.onmessageerror?.(new MessageEvent('messageerror')),
  }
}

/** Starts scripted workers and keeps count of how many are alive at once. */
export function scriptedWorkers<Request = unknown>() {
  const started: ScriptedWorker<Request>[] = []
  let mostAlive = 0
  const alive = () => started.filter((fake) => !fake.terminated()).length
  return {
    started,
    alive,
    mostAlive: () => mostAlive,
    start: (): WorkerLike<Request> => {
      const fake = scriptedWorker<Request>()
      started.push(fake)
      // Workers only ever become alive here, so the most alive at once is seen at a start.
      mostAlive = Math.max(mostAlive, alive())
      return fake.worker
    },
  }
}

/** What the worker side posted back to the host, with the transfer list it gave. */
export type Posted = { readonly message: unknown; readonly transfer: readonly Transferable[] }

/**
 * A worker whose far side is `serve(handler)` in this thread. Messages cross as a
 * real worker's do: cloned, with their transfer lists honoured, and a turn later.
 */
export function servedWorker<P extends AnyProtocol>(
  handler: WorkerHandler<P>,
  options: Omit<ServeOptions<P>, 'scope'> = {},
) {
  const listeners = new Map<string, ((event: MessageEvent) => void)[]>()
  const posted: Posted[] = []
  let terminated = false
  const scope: WorkerScope = {
    addEventListener: (type, listener) => void listeners.set(type, [...(listeners.get(type) ?? []), listener]),
    postMessage: (message, transfer) => {
      const data: unknown = structuredClone(message, { transfer })
      posted.push({ message: data, transfer })
      setTimeout(() => {
        if (!terminated) worker.onmessage?.(new MessageEvent('message', { data }))
      }, 0)
    },
  }
  const deliver = (type: string, event: MessageEvent) => {
    for (const listener of listeners.get(type) ?? []) listener(event)
  }
  const worker: WorkerLike<P['request']> = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage: (message, transfer) => {
      const data: unknown = structuredClone(message, { transfer })
      setTimeout(() => {
        if (!terminated) deliver('message', new MessageEvent('message', { data }))
      }, 0)
    },
    terminate: () => {
      terminated = true
    },
  }
  serve(handler, { ...options, scope })
  return {
    worker,
    posted,
    terminated: () => terminated,
    /** Hands the worker side a message as if the host had sent it. */
    send: (data: unknown) => deliver('message', new MessageEvent('message', { data })),
    sendDamaged: () => deliver('messageerror', new MessageEvent('messageerror')),
  }
}
