import { useCallback, useEffect, useRef, useState } from 'react'
import type { Result } from '../../../../core/model/result'
import { useRepos } from '../../../app/services-context'
import { useFlushOnLeave } from '../../../hooks/use-flush-on-leave'
import type { ResultChange } from '../../../storage/result-journal'

const commitDelayMs = 800

/**
 * Notes as the tester types them. Every keystroke goes to the result journal at
 * once (synchronous, not audited), so a window closed mid-sentence loses
 * nothing; the result itself is updated, and audited, when typing pauses, the
 * case changes or the runner closes. Changes a closed window left in the
 * journal are stored when the session opens again.
 */
export function useNotesKeeper(
  sessionId: string,
  store: (caseId: string, change: ResultChange) => Promise<Result | undefined>,
) {
  const repos = useRepos()
  // Notes a closed window left in the journal show at once, before they are stored again.
  const [edited, setEdited] = useState<ReadonlyMap<string, string>>(
    () =>
      new Map(
        repos.results
          .pending(sessionId)
          .flatMap((p) => (p.change.notes === undefined ? [] : [[p.caseId, p.change.notes] as const])),
      ),
  )
  const waiting = useRef(new Map<string, string>())
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const storeRef = useRef(store)
  useEffect(() => {
    storeRef.current = store
  })

  const flush = useCallback(async () => {
    clearTimeout(timer.current)
    const jobs = [...waiting.current.entries()]
    waiting.current.clear()
    for (const [caseId, notes] of jobs) await storeRef.current(caseId, { notes })
  }, [])

  const change = useCallback(
    (caseId: string, text: string) => {
      setEdited((current) => new Map(current).set(caseId, text))
      repos.results.keepTyping(sessionId, caseId, { notes: text })
      waiting.current.set(caseId, text)
      clearTimeout(timer.current)
      timer.current = setTimeout(() => void flush(), commitDelayMs)
    },
    [repos, sessionId, flush],
  )

  // What a closed window left in the journal is stored now.
  useEffect(() => {
    const pending = repos.results.pending(sessionId)
    void (async () => {
      for (const p of pending) await storeRef.current(p.caseId, p.change)
    })()
  }, [repos, sessionId])

  useFlushOnLeave(flush)

  return {
    /** The notes shown for a case: what is being typed, else what is stored. */
    textOf: (caseId: string, stored: string) => edited.get(caseId) ?? stored,
    change,
    flush,
  }
}
