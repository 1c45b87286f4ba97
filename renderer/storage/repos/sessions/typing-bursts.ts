import type { Actor } from '../../audit-log'
import type { SettingRow } from '../../lab-db'

/**
 * A burst of typing in one case's notes whose value is stored but not audited
 * yet. It lives in the settings table, written in the same transaction as the
 * notes, so a kill can never leave a stored note that the trail will not get:
 * whatever burst is still open when the session opens again is audited then.
 * Why not one entry per keystroke, or one entry rewritten as typing goes on: the
 * first floods the trail, and the second changes an entry after it was sealed,
 * which the hash chain, its checkpoint and main's ledger of the head forbid.
 */
export type TypingBurst = {
  /** The result as the trail last recorded it, or null when the case had no result yet. */
  readonly before: Record<string, unknown> | null
  /** Who typed the newest text, and when it was stored: the audit entry's author and time. */
  readonly actor: Actor
  readonly at: string
}

const prefix = 'typing-burst:'

export const burstKey = (sessionId: string, caseId: string): string => `${prefix}${sessionId}/${caseId}`

/** The key prefix of one session's bursts, for a range read. */
export const sessionBurstPrefix = (sessionId: string): string => `${prefix}${sessionId}/`

/** The case a burst key belongs to. */
export const caseOfBurstKey = (sessionId: string, key: string): string =>
  key.slice(sessionBurstPrefix(sessionId).length)

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

/** The burst a settings row holds, or undefined when the row is missing or not one (never trusted blindly). */
export function burstOf(row: SettingRow | undefined): TypingBurst | undefined {
  const value = row?.value
  if (!isRecord(value) || typeof value['at'] !== 'string' || !isRecord(value['actor'])) return undefined
  const { id, name } = value['actor']
  if (typeof id !== 'string' || typeof name !== 'string') return undefined
  const before = value['before']
  if (before !== null && !isRecord(before)) return undefined
  return { before, actor: { id, name }, at: value['at'] }
}
