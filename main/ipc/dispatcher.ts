import type { z } from 'zod'
import { contract, type ParsedRequestOf, type ResponseOf } from '../../core/bridge/contract'
import { originOf } from '../app-origin'
import type { Channel, ErrorCode, Reply } from '../../core/bridge/channels'
import { messageOf } from '../../core/text/message-of'

/** Who sent a message: the URL of the sending frame and whether it is the window's main frame. */
export type Sender = { readonly url: string; readonly isMainFrame: boolean }

export type Handlers = { readonly [C in Channel]: (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>> }

/** A failure a service reports on purpose; its message reaches the person as written. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'ServiceError'
  }
}

export type Dispatch = (channel: string, sender: Sender, raw: unknown) => Promise<Reply<unknown>>

const isChannel = (name: string): name is Channel => Object.hasOwn(contract, name)

const describeIssues = (error: z.ZodError): string =>
  error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ')

/**
 * The one way a message from the renderer reaches a service: the sender must be
 * the app's own main frame, the request must parse with the contract's schema,
 * and the reply is always {ok, value} or {ok:false, problem}, never a throw.
 */
export function createDispatcher(handlers: Handlers, options: { readonly appOrigin: string }): Dispatch {
  const fail = (code: ErrorCode, message: string): Reply<never> => ({ ok: false, problem: { code, message } })

  return async (channel, sender, raw) => {
    if (!isTrustedSender(sender, options.appOrigin)) {
      return fail('forbidden-sender', `Refused "${channel}": the message did not come from the app's own window.`)
    }
    if (!isChannel(channel)) return fail('unknown-channel', `There is no channel named "${channel}".`)
    const parsed = contract[channel].request.safeParse(raw)
    if (!parsed.success) {
      return fail('invalid-request', `The request to "${channel}" is not valid: ${describeIssues(parsed.error)}`)
    }
    try {
      const handler = handlers[channel] as (request: unknown) => Promise<unknown>
      const value: unknown = await handler(parsed.data)
      const checked = contract[channel].response.safeParse(value)
      if (!checked.success) {
        return fail('invalid-response', `"${channel}" produced a reply that does not match the contract.`)
      }
      return { ok: true, value: checked.data }
    } catch (error) {
      if (error instanceof ServiceError) return fail(error.code, error.message)
      const message = messageOf(error)
      return fail('failed', `"${channel}" failed: ${message}`)
    }
  }
}

function isTrustedSender(sender: Sender, appOrigin: string): boolean {
  return sender.isMainFrame && originOf(sender.url) === appOrigin
}
