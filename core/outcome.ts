import { assertNever } from './assert-never'

/**
 * What a person can cause and what to tell them: a refused save, a session that
 * cannot move on, a full disk. Bugs stay exceptions; refusals are these values.
 */
export const problemCodes = [
  /** A value does not pass its checks; `field` names it. */
  'invalid',
  /** The record is not there (deleted meanwhile, or never was). */
  'not-found',
  /** The record's state forbids this now (a completed session's results). */
  'not-allowed',
  /** Storage refused the write: the disk is full. */
  'disk-full',
  /** Storage is closed or was changed by another copy of the app. */
  'storage-closed',
  /** Storage failed for another reason; the message says which. */
  'storage-failed',
] as const
export type ProblemCode = (typeof problemCodes)[number]

export type Problem = { readonly code: ProblemCode; readonly message: string; readonly field?: string }

/** {ok:true, value} or {ok:false, problem}: the one envelope for refusals, in storage and across the bridge (whose problems have codes of their own). */
export type Outcome<T, P = Problem> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: P }

export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value })

export const refused = (
  code: ProblemCode,
  message: string,
  field?: string,
): { readonly ok: false; readonly problem: Problem } => ({
  ok: false,
  problem: field === undefined ? { code, message } : { code, message, field },
})

/** Whether trying the same thing again later can succeed (a full disk, a closed store), or never will (an invalid value). */
export function isLasting(problem: Problem): boolean {
  switch (problem.code) {
    case 'invalid':
    case 'not-found':
    case 'not-allowed':
      return true
    case 'disk-full':
    case 'storage-closed':
    case 'storage-failed':
      return false
    default:
      return assertNever(problem.code)
  }
}

/** The problem as a short cause for a sentence of the caller's: "the disk is full". */
export function problemCause(problem: Problem): string {
  switch (problem.code) {
    case 'disk-full':
      return 'the disk is full'
    case 'storage-closed':
      return 'the database was closed (another copy of WWA Lab may have upgraded it; restart WWA Lab)'
    case 'invalid':
    case 'not-found':
    case 'not-allowed':
    case 'storage-failed':
      return problem.message.replace(/\.$/, '')
    default:
      return assertNever(problem.code)
  }
}

/** The problem in the words a person reads, with what to do about it. */
export function describeProblem(problem: Problem): string {
  switch (problem.code) {
    case 'invalid':
    case 'not-found':
    case 'not-allowed':
      return problem.message
    case 'disk-full':
      return 'The disk is full, so the change could not be stored. Free some space, then choose Try again; your changes are still on screen.'
    case 'storage-closed':
    case 'storage-failed':
      return `The change could not be stored: ${problemCause(problem)}. Your changes are still on screen; choose Try again.`
    default:
      return assertNever(problem.code)
  }
}
