// The channel names alone, without schemas, so the sandboxed preload can build
// the renderer's lab bridge from them without bundling zod.
import type { Outcome } from '../outcome'

export const channels = [
  'app.info',
  'files.open',
  'files.readRange',
  'files.closeRead',
  'files.saveAs',
  'files.beginSave',
  'files.writeChunk',
  'files.commitSave',
  'files.abortSave',
  'backups.list',
  'backups.begin',
  'backups.writeChunk',
  'backups.commit',
  'backups.abort',
  'backups.openFile',
  'backups.openStored',
  'backups.setGenerations',
  'ledger.read',
  'ledger.record',
  'ledger.switchDatabase',
  'journal.read',
  'journal.write',
] as const

export type Channel = (typeof channels)[number]

export type ErrorCode =
  | 'forbidden-sender'
  | 'unknown-channel'
  | 'invalid-request'
  | 'invalid-response'
  | 'too-large'
  | 'io-failed'
  | 'failed'
  /** Too many saves or read handles open at once. */
  | 'too-many'
  /** The save or read handle named is no longer open: finished, cancelled, expired or abandoned. */
  | 'not-open'
  /** A chunk arrived at the wrong offset, or before the previous one was written. */
  | 'out-of-order'
  /** The size or SHA-256 of a save does not match what main wrote. */
  | 'mismatch'
  /** A file changed while it was being read. */
  | 'changed'
  /** A file main keeps for itself (the ledger) is damaged or was changed outside WWA Lab, so it cannot be trusted. */
  | 'untrusted'

/** Why main refused a call, in words a person can act on. */
export type BridgeProblem = { readonly code: ErrorCode; readonly message: string }

/** Main's answer: the same {ok, value | problem} envelope storage refusals use. */
export type Reply<T> = Outcome<T, BridgeProblem>
