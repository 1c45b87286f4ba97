import type { EntityTable, IDType } from 'dexie'
import type { z } from 'zod'
import { auditChange, type AuditContext } from '../audit-log'
import type { LabDb } from '../lab-db'

type Timestamped = { readonly id: string; readonly createdAt: string; readonly updatedAt: string }

/** The operations every identity record shares: read, list, validated and audited save and remove. */
export type RecordRepo<T extends Timestamped> = {
  get(id: string): Promise<T | undefined>
  list(): Promise<T[]>
  /** Validates with the model's schema (throws a ZodError, saving nothing, when invalid), stores it and audits the change. */
  save(record: T): Promise<T>
  remove(id: string): Promise<void>
}

export type RecordKind<T> = {
  /** The entity kind the audit trail names, e.g. "product". */
  readonly kind: string
  /** How the audit trail names one record, e.g. "Acme AC-100". */
  readonly label: (record: T) => string
}

export function createRecordRepo<T extends Timestamped>(
  db: LabDb,
  table: EntityTable<T, 'id'>,
  schema: z.ZodType<T>,
  recordKind: RecordKind<T>,
  audit: AuditContext,
): RecordRepo<T> {
  const key = (id: string) => id as IDType<T, 'id'>
  const entity = (record: T) => ({ kind: recordKind.kind, id: record.id, label: recordKind.label(record) })
  return {
    get: (id) => table.get(key(id)),
    list: () => table.orderBy('updatedAt').reverse().toArray(),
    async save(record) {
      const valid = schema.parse({ ...record, updatedAt: audit.now().toISOString() })
      await db.transaction('rw', table, db.audit, async () => {
        const before = await table.get(key(valid.id))
        await table.put(valid)
        await auditChange(db, audit, entity(valid), before, valid)
      })
      return valid
    },
    async remove(id) {
      await db.transaction('rw', table, db.audit, async () => {
        const before = await table.get(key(id))
        if (before === undefined) return
        await table.delete(key(id))
        await auditChange(db, audit, entity(before), before, undefined)
      })
    },
  }
}
