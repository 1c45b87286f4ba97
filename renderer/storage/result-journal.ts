import type { Result } from '../../core/model/result'
import type { Actor } from './audit-log'
import { pendingPrefix, readPendingEntry } from './pending-entries'

export type ResultChange = Partial<Pick<Result, 'verdict' | 'notes' | 'evidenceIds'>>

/** Who made a change and when: kept with it, so a replay is stored and audited as that person at that time. */
export type Made = { readonly actor: Actor; readonly at: string }

/** A change of one case's result that may not have reached IndexedDB yet. */
export type PendingChange = {
  readonly sessionId: string
  readonly caseId: string
  readonly change: ResultChange
  readonly version: number
  readonly at: string
  /** Absent in entries an older build wrote, which kept no author. */
  readonly actor?: Actor
}

type Entry = { readonly change: ResultChange; readonly version: number; readonly at: string; readonly actor?: Actor }

/** The keys of the journal's entries in the storage it is kept in. */
export const resultJournalPrefix = `${pendingPrefix}result.`
const prefix = resultJournalPrefix

/**
 * A second copy of results on their way to IndexedDB. Each change is noted
 * here (with who made it and when) before its transaction starts and settled
 * once it committed; whatever is still noted when a session opens again is
 * stored then, as its author at its time, unless the database already holds
 * something newer for the case. In the window the storage is localStorage
 * mirrored to main's journal file (journal-mirror.ts): localStorage reaches the
 * disk only seconds later, main's file at once, so a change made before a kill
 * is kept even when its database write never committed. IndexedDB's strict
 * durability is still what the screen calls saved.
 */
export function createResultJournal(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'> | undefined,
) {
  const keyOf = (sessionId: string, caseId: string) => `${prefix}${sessionId}/${caseId}`
  const read = (key: string) => readPendingEntry<Entry>(storage, key)
  return {
    /**
     * Notes a change before it is stored, merged with what is still pending for the
     * case; returns the merged entry. The merged entry carries the newest change's
     * author and time: it is stored as one row and one audit entry.
     */
    note(
      sessionId: string,
      caseId: string,
      change: ResultChange,
      made: Made,
    ): { readonly change: ResultChange; readonly version: number } {
      const key = keyOf(sessionId, caseId)
      const before = read(key)
      const entry: Entry = {
        change: { ...before?.change, ...change },
        version: (before?.version ?? 0) + 1,
        at: made.at,
        actor: made.actor,
      }
      try {
        storage?.setItem(key, JSON.stringify(entry))
      } catch {
        // A full or missing localStorage only loses the journal, never the write to IndexedDB that follows.
      }
      return entry
    },
    /** Forgets the pending change once it is stored, unless a newer change was noted meanwhile. */
    settle(sessionId: string, caseId: string, version: number): void {
      const key = keyOf(sessionId, caseId)
      // Missing here (a full localStorage refused it): main's copy is dropped all the same.
      const held = read(key)
      if (held === undefined || held.version === version) storage?.removeItem(key)
    },
    /** Changes of this session noted but never settled, oldest first. */
    pending(sessionId: string): PendingChange[] {
      const found: PendingChange[] = []
      const start = `${prefix}${sessionId}/`
      for (let i = 0; i < (storage?.length ?? 0); i++) {
        const key = storage?.key(i)
        if (!key?.startsWith(start)) continue
        const entry = read(key)
        if (entry) found.push({ sessionId, caseId: key.slice(start.length), ...entry })
      }
      return found.sort((a, b) => a.at.localeCompare(b.at))
    },
  }
}

export type ResultJournal = ReturnType<typeof createResultJournal>
