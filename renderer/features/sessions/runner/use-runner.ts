import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Result, Verdict } from '../../../../core/model/result'
import type { Session } from '../../../../core/model/session'
import type { TestCase } from '../../../../core/model/test-plan'
import { summarizeSession } from '../../../../core/rules/session-summary'
import { useRepos } from '../../../app/services-context'
import { isLasting, problemCause } from '../../../../core/outcome'
import { useNotesKeeper } from './use-notes-keeper'

export type RunnerCase = TestCase & { readonly index: number }

const matches = (testCase: TestCase, filter: string) => {
  const needle = filter.trim().toLowerCase()
  return needle === '' || `${testCase.caseId} ${testCase.title} ${testCase.category}`.toLowerCase().includes(needle)
}

/**
 * The runner's state: results by case, the selected case, the filter, and the
 * actions a key press triggers. A verdict shows at once and is stored in the
 * same moment; a failed store puts the old verdict back and says why.
 */
export function useRunner(session: Session, initial: readonly Result[]) {
  const repos = useRepos()
  const [results, setResults] = useState<ReadonlyMap<string, Result>>(() => new Map(initial.map((r) => [r.caseId, r])))
  const [selectedId, setSelectedId] = useState<string | undefined>(session.plan.cases[0]?.caseId)
  const [filter, setFilter] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const readOnly = session.state !== 'running'

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

  // Verdict writes still on their way, per case: an older write finishing must not show over a newer key press.
  const inFlight = useRef(new Map<string, number>())
  const store = useCallback(
    async (caseId: string, change: Partial<Pick<Result, 'verdict' | 'notes' | 'evidenceIds'>>) => {
      const counts = inFlight.current
      if (change.verdict) counts.set(caseId, (counts.get(caseId) ?? 0) + 1)
      const saved = await repos.results.update(session.id, caseId, change)
      if (change.verdict) counts.set(caseId, (counts.get(caseId) ?? 1) - 1)
      if (!saved.ok) {
        setProblem(
          isLasting(saved.problem)
            ? `Case ${caseId} was not saved: ${saved.problem.message}`
            : `Case ${caseId} is not stored yet: ${problemCause(saved.problem)}. It is kept, and stored with your next change to it or when this session opens again.`,
        )
        return undefined
      }
      if ((counts.get(caseId) ?? 0) === 0) setResults((current) => new Map(current).set(caseId, saved.value))
      setProblem(null)
      return saved.value
    },
    [repos, session.id],
  )

  const notes = useNotesKeeper(session.id, store)

  const latest = useRef({ results, selected })
  useEffect(() => {
    latest.current = { results, selected }
  })

  const setVerdict = useCallback(
    (verdict: Verdict) => {
      const target = latest.current.selected
      if (readOnly || !target) return
      const before = latest.current.results.get(target.caseId)
      // The write is sent first, then shown at once, so the tester never waits on the disk.
      // A write that fails stays shown: the journal keeps it and stores it later, and the problem line says so.
      void store(target.caseId, { verdict })
      setResults((current) =>
        new Map(current).set(target.caseId, { ...blankResult(session.id, target.caseId), ...before, verdict }),
      )
    },
    [readOnly, session.id, store],
  )

  const move = useCallback(
    (delta: number) => {
      if (visible.length === 0) return
      const next = visible[Math.min(visible.length - 1, Math.max(0, position + delta))]
      if (next) setSelectedId(next.caseId)
    },
    [visible, position],
  )

  const addEvidence = useCallback(
    async (caseId: string, fileIds: readonly string[]) => {
      const current = latest.current.results.get(caseId)?.evidenceIds ?? []
      const merged = [...current, ...fileIds.filter((id) => !current.includes(id))]
      if (merged.length !== current.length) await store(caseId, { evidenceIds: merged })
    },
    [store],
  )

  /** Stores whatever the journal still holds for this session (typed in a closed window, or a failed write). */
  const storePending = useCallback(async () => {
    await notes.flush()
    for (const pending of repos.results.pending(session.id)) await store(pending.caseId, pending.change)
    return repos.results.pending(session.id).length === 0
  }, [notes, repos, session.id, store])

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
    setVerdict,
    addEvidence,
    removeEvidence: (caseId: string, fileId: string) =>
      void store(caseId, {
        evidenceIds: (latest.current.results.get(caseId)?.evidenceIds ?? []).filter((id) => id !== fileId),
      }),
    notes,
    problem,
    setProblem,
  }
}

export type Runner = ReturnType<typeof useRunner>

function blankResult(sessionId: string, caseId: string): Result {
  return { sessionId, caseId, verdict: 'untested', notes: '', evidenceIds: [], updatedAt: '', updatedBy: '' }
}
