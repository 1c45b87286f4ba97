import type { EntityTable, IDType } from 'dexie'
import type { EntityRecords } from '../../../core/model/entity'
import type { Outcome } from '../../../core/outcome'
import { auditChange, changeOf, type AuditContext } from '../audit-log'
import type { LabDb } from '../lab-db'
import { newestFirst } from '../newest-first'
import { attempt, validate } from '../storage-problems'
import { registrationOf } from '../tables'

type Timestamped = { readonly id: string; readonly createdAt: string; readonly updatedAt: string }

/** Kinds stored one record per row under their own id, saved whole by an editor. */
export type IdentityKind = 'product' | 'hub' | 'skill' | 'unit'

/** The operations every identity record shares: read, list, and a validated, audited save and remove. */
export type RecordRepo<T extends Timestamped> = {
  get(id: string): Promise<T | undefined>
  /** Every record, most recently changed first. */
  list(): Promise<T[]>
  /** Validates with the kind's schema (refusing, and saving nothing, when invalid), stores it and audits the change. */
  save(record: T): Promise<Outcome<T>>
  remove(id: string): Promise<Outcome<void>>
}

/** The record repository of a kind, from the registry's table, schema and label. */
export function createRecordRepo<K extends IdentityKind>(
  db: LabDb,
  kind: K,
  audit: AuditContext,
): RecordRepo<EntityRecords[K]> {
  type T = EntityRecords[K]
  const registration = registrationOf(kind)
  const table = db[registration.table] as unknown as EntityTable<T, 'id'>
  const key = (id: string) => id as IDType<T, 'id'>
  return {
    get: (id) => table.get(key(id)),
    list: async () => newestFirst(await table.orderBy('updatedAt').toArray()),
    async save(record) {
      const valid = validate(registration.schema, { ...record, updatedAt: audit.now().toISOString() })
      if (!valid.ok) return valid
      const value = valid.value
      return attempt(() =>
        db.transaction('rw', table, db.audit, async () => {
          const before = await table.get(key(value.id))
          await table.put(value)
          await auditChange(db, audit, changeOf(kind, value.id, value, before, value))
          return value
        }),
      )
    },
    remove: (id) =>
      attempt(() =>
        db.transaction('rw', table, db.audit, async () => {
          const before = await table.get(key(id))
          if (before === undefined) return
          await table.delete(key(id))
          await auditChange(db, audit, changeOf(kind, id, before, before, undefined))
        }),
      ),
  }
}
