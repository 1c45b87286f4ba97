import { useCallback, useEffect, useRef, useState } from 'react'
import { useRepos } from '../../../app/services-context'
import { useFlushOnLeave } from '../../../hooks/use-flush-on-leave'
import type { CaseWrites } from './case-writes'

/** Typing that pauses this long ends a burst: its notes are audited then (they were stored as typed). */
const burstEndsAfterMs = 2_000

/**
 * Notes as the tester types them. Every change is written to IndexedDB at once
 * (through the case's coalescing writer: at most one write in flight, the newest
 * text next), so nothing waits for a pause. The audit trail, though, gets one
 * entry per burst of typing rather than one per keystroke: a burst ends when
 * typing pauses for two seconds, the notes field is left, a verdict is set (the
 * burst and the verdict share one entry), or the runner closes; a burst a killed
 * window left open is audited, as its typist at its time, when the session opens again.
 */
export function useNotesKeeper(sessionId: string, writes: CaseWrites) {
  const repos = useRepos()
  const [edited, setEdited] = useState<ReadonlyMap<string, string>>(() => new Map())
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>())

  /** Ends the open bursts of typing (of one case, or all): audited once their writes have committed. */
  const flush = useCallback(
    async (caseId?: string) => {
      const ending = caseId === undefined ? [...timers.current.keys()] : [caseId]
      for (const id of ending) {
        clearTimeout(timers.current.get(id))
        timers.current.delete(id)
      }
      if (ending.length === 0) return
      await writes.idle()
      // Not ending is harmless: the burst stays open in storage and is audited the next time the session opens.
      await repos.results.endTyping(sessionId, caseId)
    },
    [repos, sessionId, writes],
  )

  const change = useCallback(
    (caseId: string, text: string) => {
      setEdited((current) => new Map(current).set(caseId, text))
      writes.submit(caseId, { notes: text }, 'at-burst-end')
      clearTimeout(timers.current.get(caseId))
      timers.current.set(
        caseId,
        setTimeout(() => void flush(caseId), burstEndsAfterMs),
      )
    },
    [writes, flush],
  )

  useEffect(() => {
    const pending = timers.current
    return () => {
      for (const timer of pending.values()) clearTimeout(timer)
    }
  }, [])

  useFlushOnLeave(flush)

  return {
    /** The notes shown for a case: what is being typed, else what is stored. */
    textOf: (caseId: string, stored: string) => edited.get(caseId) ?? stored,
    change,
    flush,
  }
}
