import type { z } from 'zod'
import { ok, refused, type Outcome, type Problem, type ProblemCode } from '../../core/outcome'

/**
 * A refusal raised inside a transaction: throwing it aborts the transaction (so
 * nothing of the write is stored), and `attempt` turns it back into a value.
 * It never leaves storage.
 */
export class Refusal extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message)
    this.name = 'Refusal'
  }
}

export const refuse = (code: ProblemCode, message: string, field?: string): Refusal =>
  new Refusal(refused(code, message, field).problem)

// What IndexedDB and Dexie call the failures a person can run into; anything else is a bug and stays an exception.
const storageNames = new Set([
  'QuotaExceededError',
  'DatabaseClosedError',
  'InvalidStateError',
  'AbortError',
  'TransactionInactiveError',
  'UnknownError',
  'OpenFailedError',
  'VersionChangeError',
  'ReadOnlyError',
  'TimeoutError',
])

function innerName(error: Error): string {
  // Dexie wraps the browser's error; the cause names what happened.
  const inner = (error as { inner?: unknown }).inner
  return inner instanceof Error && inner.name ? inner.name : error.name
}

/** The problem a storage failure is to a person, or undefined when the error is a bug, not a storage failure. */
export function storageProblem(error: unknown): Problem | undefined {
  if (!(error instanceof Error)) return undefined
  const name = innerName(error)
  if (name === 'QuotaExceededError') return { code: 'disk-full', message: 'The disk is full.' }
  if (name === 'DatabaseClosedError' || name === 'InvalidStateError' || name === 'VersionChangeError')
    return { code: 'storage-closed', message: error.message }
  if (storageNames.has(name) || storageNames.has(error.name)) return { code: 'storage-failed', message: error.message }
  return undefined
}

/** Runs a storage operation; a refusal or a storage failure comes back as a value, a bug is thrown on. */
export async function attempt<T>(work: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return ok(await work())
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, problem: error.problem }
    const problem = storageProblem(error)
    if (problem) return { ok: false, problem }
    throw error
  }
}

/** The value as the schema reads it, or the first reason it refuses, naming the field ("asins.0.asin"). */
export function validate<T>(schema: z.ZodType<T>, value: unknown): Outcome<T> {
  const parsed = schema.safeParse(value)
  if (parsed.success) return ok(parsed.data)
  const issue = parsed.error.issues[0]
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined
  return refused('invalid', issue?.message ?? 'The record is not valid.', field)
}

/** The value of an outcome, or the Refusal that aborts the surrounding transaction. */
export function orRefuse<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value
  throw new Refusal(outcome.problem)
}
