import type { EntityKind } from '../../../../core/model/entity'
import type { Outcome } from '../../../../core/outcome'
import type { JournalStorage } from '../../journal-mirror'
import type { DraftRow, LabDb } from '../../lab-db'
import { attempt } from '../../storage-problems'
import { wasDeleted } from '../references'
import { createDraftJournal, laterDraft } from './draft-journal'

export type DraftsRepo = {
  get(kind: EntityKind, recordId: string): Promise<DraftRow | undefined>
  /** Keeps what an editor holds while it does not pass its checks; `title` names it in lists of unsaved work. */
  keep(kind: EntityKind, recordId: string, value: unknown, title: string): Promise<Outcome<void>>
  /** Notes contents in the journal only, at once: kept through a kill until the next `keep` writes them. */
  note(kind: EntityKind, recordId: string, value: unknown, title: string): void
  discard(kind: EntityKind, recordId: string): Promise<Outcome<void>>
  /** Drafts of records that were never saved at all, newest first: the only place they can be found again. */
  unsavedNew(kind: EntityKind, exists: (recordId: string) => Promise<boolean>): Promise<DraftRow[]>
}

/** The key of a record's draft row: a repository deleting the record deletes its draft too. */
export const draftKey = (kind: EntityKind, recordId: string) => `${kind}:${recordId}`

/**
 * Drafts: editor contents that are not valid yet. Never read as records; restored into their editor.
 * Each is also noted in the journal (when one is given) before its write, so a kill mid-write loses none.
 */
export function createDraftsRepo(
  db: LabDb,
  now: () => Date = () => new Date(),
  journalStorage?: JournalStorage,
): DraftsRepo {
  const journal = createDraftJournal(journalStorage)
  const rowOf = (kind: EntityKind, recordId: string, value: unknown, title: string): DraftRow => ({
    key: draftKey(kind, recordId),
    kind,
    recordId,
    title,
    value,
    savedAt: now().toISOString(),
  })
  return {
    get: async (kind, recordId) => {
      const key = draftKey(kind, recordId)
      return laterDraft(await db.drafts.get(key), journal.get(key))
    },
    note: (kind, recordId, value, title) => void journal.note(rowOf(kind, recordId, value, title)),
    keep: (kind, recordId, value, title) => {
      const row = rowOf(kind, recordId, value, title)
      const version = journal.note(row)
      return attempt(async () => {
        await db.drafts.put(row)
        if (version !== undefined) journal.settle(row.key, version)
      })
    },
    discard: (kind, recordId) => {
      journal.drop(draftKey(kind, recordId))
      return attempt(() => db.drafts.delete(draftKey(kind, recordId)))
    },
    async unsavedNew(kind, exists) {
      const byKey = new Map<string, DraftRow>()
      const stored = await db.drafts.where('kind').equals(kind).toArray()
      for (const draft of stored) byKey.set(draft.key, draft)
      for (const draft of journal.ofKind(kind)) {
        // Only in the journal, of a record deleted since (its drop never reached the disk): forgotten, not offered.
        if (!byKey.has(draft.key) && (await wasDeleted(db, kind, draft.recordId))) {
          journal.drop(draft.key)
          continue
        }
        byKey.set(draft.key, laterDraft(byKey.get(draft.key), draft) ?? draft)
      }
      const missing: DraftRow[] = []
      for (const draft of byKey.values()) if (!(await exists(draft.recordId))) missing.push(draft)
      return missing.sort((a, b) => b.savedAt.localeCompare(a.savedAt))
    },
  }
}
