import type { EntityTable, IDType } from 'dexie'
import type { EntityRecords } from '../../../core/model/entity'
import type { Archived } from '../../../core/model/fields'
import type { Outcome } from '../../../core/outcome'
import { auditChange, changeOf, type AuditContext } from '../audit-log'
import type { LabDb } from '../lab-db'
import { newestFirst } from '../newest-first'
import { attempt, refuse, validate } from '../storage-problems'
import { registrationOf, type TableName } from '../tables'
import { draftKey } from './drafts/drafts-repo'
import { cannotDeleteMessage, trailOfOthers, wasDeleted } from './references'

type Timestamped = {
  readonly id: string
  readonly createdAt: string
  readonly updatedAt: string
  readonly archived?: Archived | undefined
}

/** Kinds stored one record per row under their own id, saved whole by an editor. */
export type IdentityKind = 'product' | 'hub' | 'skill' | 'unit'

/**
 * Archive, restore and delete, as every archivable record offers them. Archiving
 * takes a record out of lists and pickers and keeps it, its page and its history;
 * deleting is only for a record nothing refers to.
 */
export type ArchiveActions = {
  /** Marks the record archived, now and by whoever is working; audited. */
  archive(id: string): Promise<Outcome<void>>
  /** Takes the archive mark off again; audited. */
  restore(id: string): Promise<Outcome<void>>
  /** Whether the record could be deleted now: refused ('not-allowed') with what refers to it, when anything does. */
  checkRemove(id: string): Promise<Outcome<void>>
  /** Deletes the record, its draft and nothing else, when nothing refers to it (else refused as checkRemove says); audited. */
  remove(id: string): Promise<Outcome<void>>
}

/** The operations every identity record shares: read, list, a validated, audited save, and archive, restore and delete. */
export type RecordRepo<T extends Timestamped> = ArchiveActions & {
  get(id: string): Promise<T | undefined>
  /** Every record, archived ones too (their names still show on what used them), most recently changed first. */
  list(): Promise<T[]>
  /**
   * Validates with the kind's schema (refusing, and saving nothing, when invalid), stores it and audits the change.
   * Whether the record is archived is kept as stored: only archive and restore change it, and an archived record is
   * refused (a write still on its way when Archive was pressed included) until it is restored. A record deleted is
   * never saved again (an editor left open on it is refused, not allowed to bring it back).
   */
  save(record: T): Promise<Outcome<T>>
}

/**
 * What else refers to records of a kind, besides the audit entries of records that belong to it:
 * the tables it reads, and the references to one record in words ("product Acme AC-100", "2 sessions").
 */
export type Referrers = {
  readonly tables: readonly TableName[]
  readonly find: (db: LabDb, id: string) => Promise<readonly string[]>
}

const noReferrers: Referrers = { tables: [], find: async () => [] }

/** The record with the archive mark it has in storage (or none), whatever the editor sent. */
export function withStoredMark<T extends Timestamped>(record: T, stored: Timestamped | undefined): T {
  const { archived: _sent, ...rest } = record
  return (stored?.archived ? { ...rest, archived: stored.archived } : rest) as T
}

/** Refuses a change to an archived record: its page shows it as kept, and it changes again only once restored. */
export function refuseIfArchived(before: Timestamped | undefined, label: () => string): void {
  if (before?.archived)
    throw refuse('not-allowed', `${label()} is archived, so it cannot change. Restore it to edit it.`)
}

/** The record repository of a kind, from the registry's table, schema and label. */
export function createRecordRepo<K extends IdentityKind>(
  db: LabDb,
  kind: K,
  audit: AuditContext,
  referrers: Referrers = noReferrers,
): RecordRepo<EntityRecords[K]> {
  type T = EntityRecords[K]
  const registration = registrationOf(kind)
  const table = db[registration.table] as unknown as EntityTable<T, 'id'>
  const key = (id: string) => id as IDType<T, 'id'>
  const otherTables = referrers.tables.map((name) => db[name])

  /** Why the record cannot be deleted, or undefined when nothing refers to it. Inside a transaction that reads the referrers and the trail. */
  const whyNot = async (record: T): Promise<string | undefined> => {
    // The trail is read only when nothing refers to the record now: a product with sessions has a long one.
    const now = await referrers.find(db, record.id)
    const found = now.length > 0 ? now : await trailOfOthers(db, kind, record.id)
    return found.length === 0 ? undefined : cannotDeleteMessage(registration.label(record), found)
  }

  const mark = (id: string, archived: Archived | undefined) =>
    attempt(() =>
      db.transaction('rw', table, db.audit, async () => {
        const before = await table.get(key(id))
        if (before === undefined) throw refuse('not-found', `This ${kind} does not exist any more.`)
        if ((before.archived === undefined) === (archived === undefined)) return
        const { archived: _old, ...rest } = before
        const updatedAt = archived?.at ?? audit.now().toISOString()
        const after = { ...rest, ...(archived ? { archived } : {}), updatedAt } as T
        await table.put(after)
        await auditChange(db, audit, changeOf(kind, id, after, before, after))
      }),
    )

  return {
    get: (id) => table.get(key(id)),
    list: async () => newestFirst(await table.orderBy('updatedAt').toArray()),
    async save(record) {
      const valid = validate(registration.schema, { ...record, updatedAt: audit.now().toISOString() })
      if (!valid.ok) return valid
      return attempt(() =>
        db.transaction('rw', table, db.audit, async () => {
          const before = await table.get(key(valid.value.id))
          if (before === undefined && (await wasDeleted(db, kind, valid.value.id)))
            throw refuse(
              'not-found',
              `This ${kind} was deleted, so it cannot be saved again. Create a new one instead.`,
            )
          refuseIfArchived(before, () => registration.label(before as T))
          const value = withStoredMark(valid.value, before)
          await table.put(value)
          await auditChange(db, audit, changeOf(kind, value.id, value, before, value))
          return value
        }),
      )
    },
    archive: (id) => {
      const actor = audit.actor()
      return mark(id, { at: audit.now().toISOString(), by: { id: actor.id, name: actor.name } })
    },
    restore: (id) => mark(id, undefined),
    checkRemove: (id) =>
      attempt(() =>
        db.transaction('r', [table, db.audit, ...otherTables], async () => {
          const record = await table.get(key(id))
          if (record === undefined) return
          const why = await whyNot(record)
          if (why) throw refuse('not-allowed', why)
        }),
      ),
    remove: (id) =>
      attempt(() =>
        db.transaction('rw', [table, db.audit, db.drafts, ...otherTables], async () => {
          const before = await table.get(key(id))
          if (before === undefined) return
          const why = await whyNot(before)
          if (why) throw refuse('not-allowed', why)
          await table.delete(key(id))
          await db.drafts.delete(draftKey(kind, id))
          await auditChange(db, audit, changeOf(kind, id, before, before, undefined))
        }),
      ),
  }
}
