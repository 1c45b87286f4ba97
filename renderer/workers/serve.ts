import { readRequest, type AnyProtocol, type FailedMessage, type WorkerReply } from './protocol'
import { messageOf } from '../../core/text/message-of'

/**
 * The work a worker module does for one request. It may report progress on the way
 * and may be async; what it throws or rejects with is sent back as a failure.
 */
export type WorkerHandler<P extends AnyProtocol> = (
  request: P['request'],
  progress: (progress: P['progress']) => void,
) => P['result'] | Promise<P['result']>

/** The members of a worker's global scope the helper uses; the project's DOM typings describe a window, not a worker. */
export type WorkerScope = {
  addEventListener(type: 'message' | 'messageerror', listener: (event: MessageEvent) => void): void
  postMessage(message: unknown, transfer: Transferable[]): void
}

export type ServeOptions<P extends AnyProtocol> = {
  /** Buffers of the result to hand back rather than copy (decoded pixels, for one); they are unusable here afterwards. */
  readonly transferOf?: (result: P['result']) => readonly Transferable[]
  /** The scope to serve on; the worker's own global scope unless a test hands in another. */
  readonly scope?: WorkerScope
}

/**
 * Makes this worker answer the host's requests with `handler`: every request gets
 * exactly one done or failed message, never an unhandled error, and progress only
 * until then. A worker module calls this once, at its top level.
 */
export function serve<P extends AnyProtocol>(handler: WorkerHandler<P>, options: ServeOptions<P> = {}): void {
  const scope = options.scope ?? (globalThis as unknown as WorkerScope)
  const send = (reply: WorkerReply<P>, transfer: readonly Transferable[] = []) =>
    scope.postMessage(reply, [...transfer])
  const fail = (job: number | null, message: string) => send({ kind: 'failed', job, message } satisfies FailedMessage)

  scope.addEventListener('messageerror', () => fail(null, 'the request could not be read'))
  scope.addEventListener('message', (event) => {
    const message = readRequest<P>(event.data)
    if (message === undefined) return fail(null, 'the request was not one it understands')
    void answer(message.job, message.request)
  })

  async function answer(job: number, request: P['request']) {
    let finished = false
    const progress = (value: P['progress']) => {
      if (!finished) send({ kind: 'progress', job, progress: value })
    }
    let result: P['result']
    try {
      result = await handler(request, progress)
    } catch (error) {
      finished = true
      return fail(job, describe(error))
    }
    finished = true
    try {
      send({ kind: 'done', job, result }, options.transferOf?.(result) ?? [])
    } catch (error) {
      // A result that cannot be cloned (a function, a detached buffer) is a bug in the handler; say so rather than fall silent.
      fail(job, `its answer could not be sent (${describe(error)})`)
    }
  }
}

function describe(error: unknown): string {
  const text = messageOf(error)
  return text.trim() === '' ? 'no reason given' : text.trim()
}
