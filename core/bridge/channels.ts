// The channel names alone, without schemas, so the sandboxed preload can build
// the renderer's lab bridge from them without bundling zod.
export const channels = ['app.info', 'files.open', 'files.saveAs'] as const

export type Channel = (typeof channels)[number]

export type ErrorCode =
  | 'forbidden-sender'
  | 'unknown-channel'
  | 'invalid-request'
  | 'invalid-response'
  | 'too-large'
  | 'io-failed'
  | 'failed'

export type BridgeError = { readonly code: ErrorCode; readonly message: string }

export type Reply<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: BridgeError }
