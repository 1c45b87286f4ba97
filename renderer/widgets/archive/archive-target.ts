import { entityLabel, type EntityRecords } from '../../../core/model/entity'
import type { Archived } from '../../../core/model/fields'
import type { Outcome } from '../../../core/outcome'
import type { PlansRepo } from '../../storage/repos/plans/plans-repo'
import type { ArchiveActions, IdentityKind } from '../../storage/repos/record-repo'

/** The stored record as its archive controls need it: its name and whether it is archived. */
export type ArchiveState = { readonly name: string; readonly archived?: Archived | undefined }

/** One record's archive, restore and delete, as a page offers them. */
export type ArchiveTarget = {
  /** Which record, as "product:<id>": the controls read it again only when this changes. */
  readonly key: string
  /** How the page names what it archives: "product", "test plan". */
  readonly what: string
  /** The record as stored now; undefined while it is not stored (a new record not saved yet). */
  readonly read: () => Promise<ArchiveState | undefined>
  readonly archive: () => Promise<Outcome<void>>
  readonly restore: () => Promise<Outcome<void>>
  readonly checkRemove: () => Promise<Outcome<void>>
  readonly remove: () => Promise<Outcome<void>>
}

/** The archive controls of an identity record (product, hub, skill, unit) from its repository. */
export function recordTarget<K extends IdentityKind>(
  kind: K,
  what: string,
  repo: ArchiveActions & { get(id: string): Promise<EntityRecords[K] | undefined> },
  id: string,
): ArchiveTarget {
  return {
    key: `${kind}:${id}`,
    what,
    read: async () => {
      const record = await repo.get(id)
      return record && { name: entityLabel(kind, record), archived: record.archived }
    },
    archive: () => repo.archive(id),
    restore: () => repo.restore(id),
    checkRemove: () => repo.checkRemove(id),
    remove: () => repo.remove(id),
  }
}

/** The archive controls of a whole test plan (every version of it), opened at any of its versions. */
export function planTarget(repo: PlansRepo, planId: string): ArchiveTarget {
  return {
    key: `plan:${planId}`,
    what: 'test plan',
    read: async () => {
      const summary = await repo.summary(planId)
      return summary && { name: summary.latest.name, archived: summary.archived }
    },
    archive: () => repo.archive(planId),
    restore: () => repo.restore(planId),
    checkRemove: () => repo.checkRemove(planId),
    remove: () => repo.remove(planId),
  }
}
