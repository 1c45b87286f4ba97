import Dexie from 'dexie'
import { diffFields, sealEntry, type AuditEntry, type UnsealedEntry } from '../../core/audit/audit-entry'
import type { EntityRecords, EntityRef, ModelledKind, NamedRef } from '../../core/model/entity'
import { subjectsOf } from './audit-subjects'
import type { AuditRow, LabDb } from './lab-db'
import { registrationOf } from './tables'

/** Who made a change: a person of the lab profile, or the workstation when nobody is chosen. */
export type Actor = { readonly id: string; readonly name: string }

/** What every audited write needs: who is working, and the clock. */
export type AuditContext = {
  readonly actor: () => Actor
  readonly now: () => Date
  /** Called once a transaction that added audit entries has committed: main's ledger is brought up to date then. */
  readonly committed?: () => void
}

/** One change of one record, as the audit trail records it. */
export type RecordChange = {
  readonly entity: NamedRef
  /** The records it belongs to, besides itself (a unit's product, a result's session and product). */
  readonly parents: readonly EntityRef[]
  /** The record as the trail compares it, before and after; undefined for a record created or deleted. */
  readonly before: object | undefined
  readonly after: object | undefined
  /**
   * Who made the change and when, when that was not now: a change replayed from the
   * result journal, or a burst of typing audited after it ended, keeps its own author and time.
   */
  readonly made?: { readonly actor: Actor; readonly at: string }
}

/**
 * The change of a record of a known kind, named and placed by the registry.
 * `record` is the record itself (for its label and parents); `before` and
 * `after` are what the trail compares, which may be a view of it.
 */
export function changeOf<K extends ModelledKind>(
  kind: K,
  id: string,
  record: EntityRecords[K],
  before: object | undefined,
  after: object | undefined,
  parents: readonly EntityRef[] = [],
): RecordChange {
  const registration = registrationOf(kind)
  return {
    entity: { kind, id, label: registration.label(record) },
    parents: [...registration.parents(record), ...parents],
    before,
    after,
  }
}

/** The entry a change makes, or undefined when nothing but its save time (or saver) changed. */
function entryFor(context: AuditContext, { entity, before, after, made }: RecordChange): UnsealedEntry | undefined {
  // Who saved last (updatedBy) is the entry's actor already; alone it is no change.
  const changes = diffFields(
    before as Record<string, unknown> | undefined,
    after as Record<string, unknown> | undefined,
    ['updatedAt', 'updatedBy'],
  )
  if (changes.length === 0) return undefined
  const action = before === undefined ? 'create' : after === undefined ? 'delete' : 'update'
  return {
    at: made?.at ?? context.now().toISOString(),
    actor: made?.actor ?? context.actor(),
    entity,
    action,
    changes,
  }
}

const rowOf = (entry: AuditEntry, change: RecordChange): AuditRow => ({
  ...entry,
  subjects: subjectsOf(change.entity, change.parents),
})

/**
 * Records changes in the hash chain. Call it inside a read-write transaction
 * that includes db.audit: the last entry is read once and each new one sealed
 * with a synchronous hash, so nothing but Dexie is awaited inside the transaction.
 */
export async function auditChanges(db: LabDb, context: AuditContext, changes: readonly RecordChange[]): Promise<void> {
  let previous: AuditEntry | undefined = await db.audit.orderBy('seq').last()
  const rows: AuditRow[] = []
  for (const change of changes) {
    const entry = entryFor(context, change)
    if (!entry) continue
    previous = sealEntry(previous, entry)
    rows.push(rowOf(previous, change))
  }
  if (rows.length === 1 && rows[0]) await db.audit.add(rows[0])
  else if (rows.length > 1) await db.audit.bulkAdd(rows)
  // After the commit, not now: the ledger must never get ahead of what the database holds.
  if (rows.length > 0 && context.committed) Dexie.currentTransaction?.on('complete', context.committed)
}

/** Records one change (create, update or delete), if anything but its save time changed. */
export const auditChange = (db: LabDb, context: AuditContext, change: RecordChange): Promise<void> =>
  auditChanges(db, context, [change])
