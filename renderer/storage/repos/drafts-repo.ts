import type { DraftKind, DraftRow, LabDb } from '../lab-db'

export type DraftsRepo = ReturnType<typeof createDraftsRepo>

const keyOf = (kind: DraftKind, recordId: string) => `${kind}:${recordId}`

/** Drafts: editor contents that are not valid yet. Never read as records; restored into their editor. */
export function createDraftsRepo(db: LabDb, now: () => Date = () => new Date()) {
  return {
    get: (kind: DraftKind, recordId: string) => db.drafts.get(keyOf(kind, recordId)),
    async keep(kind: DraftKind, recordId: string, value: unknown, title: string): Promise<void> {
      await db.drafts.put({ key: keyOf(kind, recordId), kind, recordId, title, value, savedAt: now().toISOString() })
    },
    discard: (kind: DraftKind, recordId: string) => db.drafts.delete(keyOf(kind, recordId)),
    /** Drafts of records that were never saved at all, newest first: the only place they can be found again. */
    async unsavedNew(kind: DraftKind, exists: (recordId: string) => Promise<boolean>): Promise<DraftRow[]> {
      const drafts = await db.drafts.where('kind').equals(kind).toArray()
      const missing: DraftRow[] = []
      for (const draft of drafts) if (!(await exists(draft.recordId))) missing.push(draft)
      return missing.sort((a, b) => b.savedAt.localeCompare(a.savedAt))
    },
  }
}
