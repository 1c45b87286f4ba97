// The messages between the window and a worker, one shape for every worker: the
// window sends a request; the worker answers with any number of progress messages,
// then exactly one done or failed. The job number ties an answer to its request, so
// a worker kept for the next job cannot answer that job with the last one's leftovers.

/**
 * What one kind of worker takes, gives back and reports on the way, named once by
 * the worker module and used by both sides. The fields exist only for the type checker.
 */
export type WorkerProtocol<Request, Result, Progress = never> = {
  readonly request: Request
  readonly result: Result
  readonly progress: Progress
}

/** The bound every protocol meets, whatever it carries. */
export type AnyProtocol = WorkerProtocol<unknown, unknown, unknown>

export type RequestMessage<Request> = { readonly kind: 'request'; readonly job: number; readonly request: Request }

export type ProgressMessage<Progress> = { readonly kind: 'progress'; readonly job: number; readonly progress: Progress }

export type DoneMessage<Result> = { readonly kind: 'done'; readonly job: number; readonly result: Result }

/**
 * The worker could not do the job. `message` says why, as a phrase the host puts in
 * its sentence naming the file ("Invalid PNG header"). `job` is null when the worker
 * could not even read which job it was given.
 */
export type FailedMessage = { readonly kind: 'failed'; readonly job: number | null; readonly message: string }

export type WorkerReply<P extends AnyProtocol> =
  ProgressMessage<P['progress']> | DoneMessage<P['result']> | FailedMessage

const isObject = (data: unknown): data is Record<string, unknown> => typeof data === 'object' && data !== null

/**
 * A message from a worker as one of the protocol's replies, or undefined when it is
 * not one (a damaged message). Only the envelope is checked: what a result holds is
 * for the caller who asked for it.
 */
export function readReply<P extends AnyProtocol>(data: unknown): WorkerReply<P> | undefined {
  if (!isObject(data)) return undefined
  const { kind, job } = data
  switch (kind) {
    case 'progress':
      return Number.isInteger(job) && 'progress' in data ? (data as ProgressMessage<P['progress']>) : undefined
    case 'done':
      return Number.isInteger(job) && 'result' in data ? (data as DoneMessage<P['result']>) : undefined
    case 'failed':
      return (job === null || Number.isInteger(job)) && typeof data['message'] === 'string'
        ? (data as FailedMessage)
        : undefined
    default:
      return undefined
  }
}

/** A message to a worker as a request, or undefined when it is not one. */
export function readRequest<P extends AnyProtocol>(data: unknown): RequestMessage<P['request']> | undefined {
  if (!isObject(data) || data['kind'] !== 'request' || !Number.isInteger(data['job']) || !('request' in data))
    return undefined
  return data as RequestMessage<P['request']>
}
