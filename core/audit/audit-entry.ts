import { z } from 'zod'
import { sha256Hex } from '../crypto/sha256'
import { Instant } from '../model/fields'
import { canonicalJson } from './canonical-json'

// The audit trail is append-only and hash-chained: each entry's hash covers its own
// contents and the hash of the entry before it, so editing, removing or reordering
// any entry breaks the chain at that entry. A chain alone cannot stop someone who
// rewrites every later entry as well; packets sign the slice they carry for that.

const utf8 = new TextEncoder()

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'Expected a SHA-256 as 64 lowercase hex digits.')

export const auditActions = ['create', 'update', 'delete'] as const
export const AuditAction = z.enum(auditActions)
export type AuditAction = z.infer<typeof AuditAction>

/** One field's value before and after a change; undefined when the field did not exist. */
export const AuditChange = z.object({
  field: z.string().min(1),
  before: z.unknown(),
  after: z.unknown(),
})
export type AuditChange = z.infer<typeof AuditChange>

export const AuditEntry = z
  .object({
    seq: z.number().int().positive(),
    at: Instant,
    actor: z.object({ id: z.string().min(1), name: z.string() }),
    entity: z.object({ kind: z.string().min(1), id: z.string().min(1), label: z.string() }),
    action: AuditAction,
    changes: z.array(AuditChange),
    prevHash: z.union([Sha256Hex, z.literal('')]),
    hash: Sha256Hex,
  })
  .superRefine((entry, ctx) => {
    if ((entry.seq === 1) !== (entry.prevHash === '')) {
      ctx.addIssue({
        code: 'custom',
        path: ['prevHash'],
        message: 'Only the first entry has no previous hash, and it has none.',
      })
    }
  })
export type AuditEntry = z.infer<typeof AuditEntry>

/** What the caller knows about a change; sealing adds its place in the chain. */
export type UnsealedEntry = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>

export type ChainVerdict =
  | { readonly intact: true; readonly count: number }
  | { readonly intact: false; readonly firstBad: number; readonly reason: string }

/** The SHA-256 of the entry's canonical JSON without its `hash` field; throws if a value cannot be written as JSON. */
export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  // Named fields only, so a property a store adds beside them cannot change the hash.
  const { seq, at, actor, entity, action, changes, prevHash } = entry
  return sha256Hex(utf8.encode(canonicalJson({ seq, at, actor, entity, action, changes, prevHash })))
}

/** The entry that follows `previous` (or starts the trail), with its number, previous hash and hash filled in. */
export function sealEntry(previous: AuditEntry | undefined, entry: UnsealedEntry): AuditEntry {
  const unsealed = {
    seq: previous === undefined ? 1 : previous.seq + 1,
    at: entry.at,
    actor: entry.actor,
    entity: entry.entity,
    action: entry.action,
    changes: entry.changes,
    prevHash: previous === undefined ? '' : previous.hash,
  }
  return { ...unsealed, hash: entryHash(unsealed) }
}

/**
 * Checks entries given in number order, from any starting entry (a slice trusts its
 * first entry's previous hash): intact, or the number of the first entry that does
 * not verify and why, in words a lab reviewer understands.
 */
export function verifyChain(entries: readonly AuditEntry[]): ChainVerdict {
  const numbers = entries.map((entry) => entry.seq)
  const seen = new Set<number>()
  let previous: AuditEntry | undefined
  for (const [index, entry] of entries.entries()) {
    // The number this position should hold: what follows the previous entry, or 1 at the start of the trail.
    const expected = previous !== undefined ? previous.seq + 1 : entry.prevHash === '' ? 1 : entry.seq
    if (!Number.isSafeInteger(entry.seq) || entry.seq < 1 || !hashMatches(entry)) {
      return broken(
        expected,
        `Entry ${expected} was changed after it was written: its contents no longer match its hash.`,
      )
    }
    if (previous === undefined) {
      if (entry.seq === 1 && entry.prevHash !== '')
        return broken(1, 'Entry 1 names a previous entry, but it is the first entry of the trail.')
      if (entry.seq !== 1 && entry.prevHash === '') {
        return broken(entry.seq, `Entry ${entry.seq} names no previous entry, but only entry 1 may start the trail.`)
      }
    } else {
      const order = orderProblem(entry, previous, expected, seen, numbers, index)
      if (order !== undefined) return order
      if (entry.prevHash !== previous.hash) {
        return broken(
          entry.seq,
          `Entry ${entry.seq} does not follow entry ${previous.seq}: it names a different previous entry.`,
        )
      }
    }
    seen.add(entry.seq)
    previous = entry
  }
  return { intact: true, count: entries.length }
}

function orderProblem(
  entry: AuditEntry,
  previous: AuditEntry,
  expected: number,
  seen: ReadonlySet<number>,
  numbers: readonly number[],
  index: number,
): ChainVerdict | undefined {
  if (entry.seq === expected) return undefined
  if (seen.has(entry.seq))
    return broken(entry.seq, `Entry ${entry.seq} appears twice: a second copy follows entry ${previous.seq}.`)
  if (entry.seq < expected)
    return broken(entry.seq, `Entries are out of order: entry ${entry.seq} comes right after entry ${previous.seq}.`)
  if (numbers.indexOf(expected, index + 1) !== -1) {
    return broken(
      expected,
      `Entries are out of order: entry ${entry.seq} comes right after entry ${previous.seq}, where entry ${expected} belongs.`,
    )
  }
  const gap =
    entry.seq - expected === 1 ? `Entry ${expected} is missing` : `Entries ${expected} to ${entry.seq - 1} are missing`
  return broken(expected, `${gap}: the chain jumps from ${previous.seq} to ${entry.seq}.`)
}

function hashMatches(entry: AuditEntry): boolean {
  try {
    return entryHash(entry) === entry.hash
  } catch {
    // A stored value JSON cannot hold was not what was hashed.
    return false
  }
}

const broken = (firstBad: number, reason: string): ChainVerdict => ({ intact: false, firstBad, reason })

/**
 * The top-level fields whose canonical JSON differs between two versions of a record,
 * sorted by name; a missing `before` lists every field as created, a missing `after`
 * every field as deleted. Fields in `ignore` (such as updatedAt) are left out.
 */
export function diffFields(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
  ignore: readonly string[] = [],
): AuditChange[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])
  const changes: AuditChange[] = []
  for (const field of [...fields].sort()) {
    if (ignore.includes(field)) continue
    const old = before?.[field]
    const next = after?.[field]
    if (spelling(old) === spelling(next)) continue
    changes.push({ field, before: old, after: next })
  }
  return changes
}

// undefined (a missing field) is not JSON; it gets a spelling no JSON text can have.
const spelling = (value: unknown) => (value === undefined ? '' : canonicalJson(value))
