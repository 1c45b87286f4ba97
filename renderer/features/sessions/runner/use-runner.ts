import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Result, Verdict } from '../../../../core/model/result'
import type { Session } from '../../../../core/model/session'
import type { TestCase } from '../../../../core/model/test-plan'
import { summarizeSession } from '../../../../core/rules/session-summary'
import { useRepos } from '../../../app/services-context'
import { useCaseSaves } from './use-case-saves'
import { useNotesKeeper } from './use-notes-keeper'
import { nextUndecided } from './next-undecided'
import { notStoredWords, recoveredWords } from './replay-words'

export type RunnerCase = TestCase & { readonly index: number }

export type RunnerOptions = {
  /** Move to the next case in the list after a verdict (the bench's setting). */
  readonly autoAdvance?: boolean
}

const matches = (testCase: TestCase, filter: string) => {
  const needle = filter.trim().toLowerCase()
  return needle === '' || `${testCase.caseId} ${testCase.title} ${testCase.category}`.toLowerCase().includes(needle)
}

/**
 * The runner's state: results by case, the selected case, the filter, and the
 * actions a key press triggers. A verdict or note shows at once and is written
 * in the same moment; its case says "Saving…" until the write committed, then
 * "Saved", or "Not saved" with why and what to do (the change stays on screen).
 */
export function useRunner(
  session: Session,
  initial: readonly Result[],
  entriesAllowed = true,
  options: RunnerOptions = {},
) {
  const repos = useRepos()
  const [results, setResults] = useState<ReadonlyMap<string, Result>>(() => new Map(initial.map((r) => [r.caseId, r])))
  // A running session opens where the work is: its first case still to decide (the first case when none is).
  const [selectedId, setSelectedId] = useState<string | undefined>(() => {
    const ids = session.plan.cases.map((c) => c.caseId)
    const verdicts = new Map(initial.map((r) => [r.caseId, r.verdict]))
    const open = session.state === 'running' ? nextUndecided(ids, ids.length - 1, (id) => verdicts.get(id)) : undefined
    return ids[open ?? 0]
  })
  const [filter, setFilter] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [recovered, setRecovered] = useState('')
  // Entries wait, in another tester's session, until the person working says they make them.
  const readOnly = session.state !== 'running' || !entriesAllowed

  const visible: readonly RunnerCase[] = useMemo(
    () => session.plan.cases.flatMap((c, index) => (matches(c, filter) ? [{ ...c, index }] : [])),
    [session.plan.cases, filter],
  )
  const position = Math.max(
    0,
    visible.findIndex((c) => c.caseId === selectedId),
  )
  const selected = visible[position]
  const summary = useMemo(
    () => summarizeSession(session.plan.cases, (id) => results.get(id)?.verdict),
    [session.plan.cases, results],
  )

  // Shown as stored once the newest change of the case committed (the writer reports only then).
  const showStored = useCallback(
    (saved: Result) => setResults((current) => new Map(current).set(saved.caseId, saved)),
    [],
  )
  const saves = useCaseSaves(session.id, showStored)
  const { writes, verdictSet, tell } = saves
  const notes = useNotesKeeper(session.id, writes)

  // What a killed window left: journalled changes are stored as their author at their time, open bursts audited.
  useEffect(() => {
    let live = true
    void (async () => {
      const replayed = await repos.results.replayPending(session.id)
      if (!live) return
      if (replayed.stored.length > 0)
        setResults((current) => {
          const next = new Map(current)
          for (const result of replayed.stored) next.set(result.caseId, result)
          return next
        })
      if (replayed.notStored.length > 0) setProblem(notStoredWords(replayed.notStored))
      if (replayed.recovered.length > 0) setRecovered(recoveredWords(replayed.recovered))
      await repos.results.endTyping(session.id)
    })()
    return () => {
      live = false
    }
  }, [repos, session.id])

  const latest = useRef({ results, selected, visible })
  useEffect(() => {
    latest.current = { results, selected, visible }
  })
  const autoAdvance = options.autoAdvance ?? false

  const setVerdict = useCallback(
    (verdict: Verdict) => {
      const target = latest.current.selected
      if (readOnly || !target) return
      const before = latest.current.results.get(target.caseId)
      // Shown pressed at once, and "Saving…" until its transaction completes.
      verdictSet(target.caseId, verdict)
      writes.submit(target.caseId, { verdict }, 'now')
      setResults((current) =>
        new Map(current).set(target.caseId, { ...blankResult(session.id, target.caseId), ...before, verdict }),
      )
      // The next case is ready for its verdict; the last case of the list stays.
      const shown = latest.current.visible
      const next = autoAdvance ? shown[indexIn(shown, target.caseId) + 1] : undefined
      if (next) {
        setSelectedId(next.caseId)
        latest.current = { ...latest.current, selected: next }
      }
    },
    [readOnly, session.id, writes, verdictSet, autoAdvance],
  )

  const toNextUndecided = useCallback(() => {
    const { visible: shown, selected: current, results: now } = latest.current
    const from = current ? indexIn(shown, current.caseId) : -1
    const found = nextUndecided(
      shown.map((c) => c.caseId),
      from,
      (caseId) => now.get(caseId)?.verdict,
    )
    const next = found === undefined ? undefined : shown[found]
    if (next) setSelectedId(next.caseId)
    else
      tell(shown.length === session.plan.cases.length ? 'Every case is decided.' : 'Every case in the list is decided.')
  }, [tell, session.plan.cases.length])

  const move = useCallback(
    (delta: number) => {
      if (visible.length === 0) return
      const next = visible[Math.min(visible.length - 1, Math.max(0, position + delta))]
      if (next) setSelectedId(next.caseId)
    },
    [visible, position],
  )

  const addEvidence = useCallback(
    (caseId: string, fileIds: readonly string[]) => {
      const current = latest.current.results.get(caseId)?.evidenceIds ?? []
      const merged = [...current, ...fileIds.filter((id) => !current.includes(id))]
      if (merged.length === current.length) return
      writes.submit(caseId, { evidenceIds: merged }, 'now')
      setResults((now) =>
        new Map(now).set(caseId, { ...blankResult(session.id, caseId), ...now.get(caseId), evidenceIds: merged }),
      )
    },
    [writes, session.id],
  )

  /** Waits for every write and ends every burst of typing; true when nothing of the session is left unstored. */
  const storePending = useCallback(async () => {
    await notes.flush()
    await writes.idle()
    const stuck = session.plan.cases.filter((c) => writes.unsettled(c.caseId)).map((c) => c.caseId)
    return stuck.length === 0
  }, [notes, writes, session.plan.cases])

  return {
    session,
    readOnly,
    storePending,
    results,
    visible,
    position,
    selected,
    summary,
    filter,
    setFilter,
    select: setSelectedId,
    move,
    toNextUndecided,
    setVerdict,
    addEvidence,
    removeEvidence: (caseId: string, fileId: string) => {
      const evidenceIds = (latest.current.results.get(caseId)?.evidenceIds ?? []).filter((id) => id !== fileId)
      writes.submit(caseId, { evidenceIds }, 'now')
      setResults((now) =>
        new Map(now).set(caseId, { ...blankResult(session.id, caseId), ...now.get(caseId), evidenceIds }),
      )
    },
    notes,
    /** A case's saved state, undefined while nothing of it changed since the runner opened. */
    saveStateOf: saves.stateOf,
    /** The one polite announcement of saved states. */
    announcement: saves.announcement,
    retry: writes.retry,
    problem,
    setProblem,
    /** What reopening stored of the changes an earlier window left unstored, in words; empty when nothing. */
    recovered,
    dismissRecovered: () => setRecovered(''),
  }
}

export type Runner = ReturnType<typeof useRunner>

const indexIn = (cases: readonly RunnerCase[], caseId: string) => cases.findIndex((c) => c.caseId === caseId)

function blankResult(sessionId: string, caseId: string): Result {
  return { sessionId, caseId, verdict: 'untested', notes: '', evidenceIds: [], updatedAt: '', updatedBy: '' }
}
