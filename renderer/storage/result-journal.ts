import type { Result } from '../../core/model/result'

export type ResultChange = Partial<Pick<Result, 'verdict' | 'notes' | 'evidenceIds'>>

/** A change of one case's result that may not have reached IndexedDB yet. */
export type PendingChange = {
  readonly sessionId: string
  readonly caseId: string
  readonly change: ResultChange
  readonly version: number
  readonly at: string
}

type Entry = { readonly change: ResultChange; readonly version: number; readonly at: string }

const prefix = 'wwa-lab.pending-result.'

/**
 * A write-ahead journal for results. IndexedDB commits asynchronously, so a
 * verdict pressed or a note typed just before the window is killed can be lost
 * in flight; localStorage is written synchronously, so each change is noted
 * here first, then stored, then settled. Whatever is still noted when a session
 * opens again is stored then.
 */
export function createResultJournal(
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'> | undefined,
  now: () => Date = () => new Date(),
) {
  const keyOf = (sessionId: string, caseId: string) => `${prefix}${sessionId}/${caseId}`
  const read = (key: string): Entry | undefined => {
    try {
      const raw = storage?.getItem(key)
      return raw ? (JSON.parse(raw) as Entry) : undefined
    } catch {
      return undefined
    }
  }
  return {
    /** Notes a change before it is stored, merged with what is still pending for the case; returns the merged entry. */
    note(
      sessionId: string,
      caseId: string,
      change: ResultChange,
    ): { readonly change: ResultChange; readonly version: number } {
      const key = keyOf(sessionId, caseId)
      const before = read(key)
      const entry: Entry = {
        change: { ...before?.change, ...change },
        version: (before?.version ?? 0) + 1,
        at: now().toISOString(),
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
      if (read(key)?.version === version) storage?.removeItem(key)
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
