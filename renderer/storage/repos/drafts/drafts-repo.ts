import type { EntityKind } from '../../../../core/model/entity'
import type { Outcome } from '../../../../core/outcome'
import type { DraftRow, LabDb } from '../../lab-db'
import { attempt } from '../../storage-problems'

export type DraftsRepo = {
  get(kind: EntityKind, recordId: string): Promise<DraftRow | undefined>
  /** Keeps what an editor holds while it does not pass its checks; `title` names it in lists of unsaved work. */
  keep(kind: EntityKind, recordId: string, value: unknown, title: string): Promise<Outcome<void>>
  discard(kind: EntityKind, recordId: string): Promise<Outcome<void>>
  /** Drafts of records that were never saved at all, newest first: the only place they can be found again. */
  unsavedNew(kind: EntityKind, exists: (recordId: string) => Promise<boolean>): Promise<DraftRow[]>
}

/** The key of a record's draft row: a repository deleting the record deletes its draft too. */
export const draftKey = (kind: EntityKind, recordId: string) => `${kind}:${recordId}`

/** Drafts: editor contents that are not valid yet. Never read as records; restored into their editor. */
export function createDraftsRepo(db: LabDb, now: () => Date = () => new Date()): DraftsRepo {
  return {
    get: (kind, recordId) => db.drafts.get(draftKey(kind, recordId)),
    keep: (kind, recordId, value, title) =>
      attempt(async () => {
        await db.drafts.put({
          key: draftKey(kind, recordId),
          kind,
          recordId,
          title,
          value,
          savedAt: now().toISOString(),
        })
      }),
    discard: (kind, recordId) => attempt(() => db.drafts.delete(draftKey(kind, recordId))),
    async unsavedNew(kind, exists) {
      const drafts = await db.drafts.where('kind').equals(kind).toArray()
      const missing: DraftRow[] = []
      for (const draft of drafts) if (!(await exists(draft.recordId))) missing.push(draft)
      return missing.sort((a, b) => b.savedAt.localeCompare(a.savedAt))
    },
  }
}
