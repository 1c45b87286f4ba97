import Dexie from 'dexie'
import { entityLabel, type EntityKind } from '../../../core/model/entity'
import { listInWords } from '../../../core/text/list'
import { subjectKey } from '../audit-subjects'
import type { LabDb } from '../lab-db'
import type { Referrers } from './record-repo'

// What refers to a record, in the words a refusal to delete it uses. Every read here runs inside the
// transaction of the delete it guards (or of the question before it), so nothing can start referring
// to the record between the check and the delete.

/** "product Acme AC-100", "units SN-1, SN-2 and 3 more": records of one kind, named. */
export function named(singular: string, plural: string, labels: readonly string[]): string[] {
  if (labels.length === 0) return []
  return [`${labels.length === 1 ? singular : plural} ${listInWords(labels, { max: 3 })}`]
}

/**
 * The records whose own audit entries are filed under this one (a unit's entries under its product,
 * a capture's under its unit), other than the record itself: their history names it, so it stays.
 */
export async function trailOfOthers(db: LabDb, kind: EntityKind, id: string): Promise<string[]> {
  const labels = new Map<string, string>()
  await db.audit
    .where('subjects')
    .equals(subjectKey({ kind, id }))
    .each((entry) => {
      if (entry.entity.kind === kind && entry.entity.id === id) return
      labels.set(`${entry.entity.kind}:${entry.entity.id}`, entry.entity.label)
    })
  return labels.size === 0 ? [] : [`the audit trail of ${listInWords([...labels.values()], { max: 3 })}`]
}

/**
 * The records of `ofKind` whose audit entries once set `field` to this id, or from it (a product that
 * named this hub as its tested hub before another): their history would name a record that is gone.
 */
export async function trailNaming(db: LabDb, ofKind: EntityKind, field: string, id: string): Promise<string[]> {
  const labels = new Map<string, string>()
  await db.audit
    .where('[entity.kind+entity.id]')
    .between([ofKind, Dexie.minKey], [ofKind, Dexie.maxKey])
    .each((entry) => {
      if (entry.changes.some((change) => change.field === field && (change.before === id || change.after === id)))
        labels.set(entry.entity.id, entry.entity.label)
    })
  return labels.size === 0 ? [] : [`the audit trail of ${listInWords([...labels.values()], { max: 3 })}`]
}

/** Whether the record's newest audit entry is its deletion: then an editor left open on it must not bring it back. */
export async function wasDeleted(db: LabDb, kind: EntityKind, id: string): Promise<boolean> {
  const newest = await db.audit.where('[entity.kind+entity.id]').equals([kind, id]).last()
  return newest?.action === 'delete'
}

/** Why a record cannot be deleted, naming what refers to it and what to do instead. */
export const cannotDeleteMessage = (label: string, referrers: readonly string[]): string =>
  `${label} cannot be deleted: it is named by ${listInWords(referrers)}. ` +
  'Archive it instead: it leaves lists and pickers, and keeps its page and its history.'

/**
 * What refers to a hub or skill: the products that name it in `field` now, or, when none does,
 * those whose history once named it there (a product moved to another hub still says it was this one).
 */
export const productsNaming = (field: 'hubId' | 'skillRecordId'): Referrers => ({
  tables: ['products'],
  async find(db, id) {
    const products = await db.products.filter((product) => product[field] === id).toArray()
    const now = named(
      'product',
      'products',
      products.map((product) => entityLabel('product', product)),
    )
    return now.length > 0 ? now : trailNaming(db, 'product', field, id)
  },
})
