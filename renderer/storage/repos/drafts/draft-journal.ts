import type { EntityKind } from '../../../../core/model/entity'
import type { JournalStorage } from '../../journal-mirror'
import type { DraftRow } from '../../lab-db'
import { pendingPrefix, readPendingEntry } from '../../pending-entries'

const prefix = `${pendingPrefix}draft.`

/**
 * Drafts larger than this are kept in IndexedDB only: the journal is written
 * whole (localStorage and main's file) on every change, and a plan of thousands
 * of cases would make each keystroke cost a megabyte. An editor's record is a
 * few kilobytes.
 */
export const maxJournalledDraftChars = 100_000

type Entry = { readonly row: DraftRow; readonly version: number; readonly at: string }

/**
 * The second copy of drafts on their way to IndexedDB, in the same journal as
 * results (mirrored to main's file): a draft is noted before its write starts
 * and settled once it committed, so what an editor held when the window was
 * killed is restored even when its write never committed.
 */
export function createDraftJournal(storage: JournalStorage | undefined) {
  const keyOf = (draftKey: string) => `${prefix}${draftKey}`
  const read = (key: string) => readPendingEntry<Entry>(storage, key)
  return {
    /** Notes a draft before it is written; the version to settle it with, or undefined when it is not journalled. */
    note(row: DraftRow): number | undefined {
      const key = keyOf(row.key)
      const entry: Entry = { row, version: (read(key)?.version ?? 0) + 1, at: row.savedAt }
      const text = JSON.stringify(entry)
      try {
        if (text.length > maxJournalledDraftChars) {
          // The older, smaller copy must not come back in place of this one.
          storage?.removeItem(key)
          return undefined
        }
        storage?.setItem(key, text)
      } catch {
        // A full localStorage only loses this copy; the write to IndexedDB follows.
      }
      return entry.version
    },
    /** Forgets a draft once it is written, unless a newer one was noted meanwhile. */
    settle(draftKey: string, version: number): void {
      const key = keyOf(draftKey)
      // Missing here (a full localStorage refused it): main's copy is dropped all the same.
      const held = read(key)
      if (held === undefined || held.version === version) storage?.removeItem(key)
    },
    drop(draftKey: string): void {
      storage?.removeItem(keyOf(draftKey))
    },
    get(draftKey: string): DraftRow | undefined {
      return read(keyOf(draftKey))?.row
    },
    ofKind(kind: EntityKind): DraftRow[] {
      const found: DraftRow[] = []
      for (let i = 0; i < (storage?.length ?? 0); i++) {
        const key = storage?.key(i)
        const row = key?.startsWith(prefix) ? read(key)?.row : undefined
        if (row?.kind === kind) found.push(row)
      }
      return found
    },
  }
}

/** Of IndexedDB's draft and the journal's, the one saved later. */
export const laterDraft = (a: DraftRow | undefined, b: DraftRow | undefined): DraftRow | undefined =>
  a === undefined ? b : b === undefined ? a : b.savedAt > a.savedAt ? b : a
