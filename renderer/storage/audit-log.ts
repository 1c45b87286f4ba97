import { diffFields, sealEntry, verifyChain, type AuditEntry, type ChainVerdict, type UnsealedEntry } from '../../core/audit/audit-entry'
import type { LabDb } from './lab-db'

/** Who made a change: a person of the lab profile, or the workstation when nobody is chosen. */
export type Actor = { readonly id: string; readonly name: string }

/** What every audited write needs: who is working, and the clock. */
export type AuditContext = { readonly actor: () => Actor; readonly now: () => Date }

/**
 * Appends one entry to the hash chain. Call it inside a read-write transaction
 * that includes db.audit: the last entry is read and the new one sealed with a
 * synchronous hash, so nothing but Dexie is awaited inside the transaction.
 */
export async function appendAudit(db: LabDb, entry: UnsealedEntry): Promise<AuditEntry> {
  const last = await db.audit.orderBy('seq').last()
  const sealed = sealEntry(last, entry)
  await db.audit.add(sealed)
  return sealed
}

export type RecordChange = {
  readonly entity: { readonly kind: string; readonly id: string; readonly label: string }
  readonly before: object | undefined
  readonly after: object | undefined
}

/** The entry a change of a record makes, or undefined when nothing but its save time (or saver) changed. */
function entryFor(context: AuditContext, { entity, before, after }: RecordChange): UnsealedEntry | undefined {
  // Who saved last (updatedBy) is the entry's actor already; alone it is no change.
  const changes = diffFields(before as Record<string, unknown> | undefined, after as Record<string, unknown> | undefined, ['updatedAt', 'updatedBy'])
  if (changes.length === 0) return undefined
  const action = before === undefined ? 'create' : after === undefined ? 'delete' : 'update'
  return { at: context.now().toISOString(), actor: context.actor(), entity, action, changes }
}

/** Records a change of a record (create, update or delete), if anything but its save time changed. */
export async function auditChange(
  db: LabDb,
  context: AuditContext,
  entity: RecordChange['entity'],
  before: object | undefined,
  after: object | undefined,
): Promise<void> {
  const entry = entryFor(context, { entity, before, after })
  if (entry) await appendAudit(db, entry)
}

/** Records many changes at once: the last entry is read once and the new ones are added together. */
export async function auditChanges(db: LabDb, context: AuditContext, changes: readonly RecordChange[]): Promise<void> {
  let previous = await db.audit.orderBy('seq').last()
  const sealed: AuditEntry[] = []
  for (const change of changes) {
    const entry = entryFor(context, change)
    if (!entry) continue
    previous = sealEntry(previous, entry)
    sealed.push(previous)
  }
  if (sealed.length > 0) await db.audit.bulkAdd(sealed)
}

/**
 * Verifies the chain from its first entry up to and including `lastSeq`: a
 * changed, removed or reordered entry anywhere before it breaks the links.
 */
export async function verifyAuditUpTo(db: LabDb, lastSeq: number): Promise<ChainVerdict> {
  const entries = await db.audit.where('seq').belowOrEqual(lastSeq).toArray()
  // The whole trail starts at entry 1: a slice check would accept a trail whose first entries were deleted.
  const first = entries[0]
  if (first && first.seq !== 1) {
    return { intact: false, firstBad: 1, reason: `Entry 1 is missing: the audit trail starts at entry ${first.seq}.` }
  }
  return verifyChain(entries)
}
