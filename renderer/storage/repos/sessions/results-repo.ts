import { resultId } from '../../../../core/model/entity'
import { Result } from '../../../../core/model/result'
import { isLasting, ok, type Outcome } from '../../../../core/outcome'
import { auditChanges, changeOf, type AuditContext, type RecordChange } from '../../audit-log'
import type { LabDb, ResultRow } from '../../lab-db'
import type { PendingChange, ResultChange, ResultJournal } from '../../result-journal'
import { attempt, orRefuse, refuse, validate } from '../../storage-problems'

export type CaseChange = { readonly caseId: string; readonly change: ResultChange }

export type ResultsRepo = {
  forSession(sessionId: string): Promise<ResultRow[]>
  /** Every result recorded for this case in any session of this plan: the case's history, one index read. */
  forPlanCase(planId: string, caseId: string): Promise<ResultRow[]>
  /** Keeps what is being typed in the journal only: stored with the next update, or on the next open. */
  keepTyping(sessionId: string, caseId: string, change: ResultChange): void
  /** Changes noted in the journal that never reached storage (the window closed first). */
  pending(sessionId: string): PendingChange[]
  /**
   * Changes one case's result in a running session and audits the change, in one
   * transaction. The change is journalled first, with anything still pending for
   * the case, so a window closed mid-write loses nothing. A completed session's results never change.
   */
  update(sessionId: string, caseId: string, change: ResultChange): Promise<Outcome<Result>>
  /** Changes several cases' results at once, all or none, journalled first: how pending changes are stored again. */
  updateMany(sessionId: string, changes: readonly CaseChange[]): Promise<Outcome<readonly Result[]>>
}

type SessionFacts = { readonly caseIds: ReadonlySet<string>; readonly planId: string; readonly productId: string }

export function createResultsRepo(db: LabDb, audit: AuditContext, journal: ResultJournal): ResultsRepo {
  const facts = new Map<string, SessionFacts>()

  /** What a result needs of its session, read once: a session's frozen plan never changes. */
  async function factsOf(sessionId: string): Promise<SessionFacts> {
    const known = facts.get(sessionId)
    if (known) return known
    const session = await db.sessions.get(sessionId)
    if (!session) throw refuse('not-found', 'This session does not exist any more.')
    const frozen = await db.frozenPlans.get(session.plan.frozenId)
    if (!frozen) throw refuse('not-found', 'The plan this session ran is missing from storage.')
    const found: SessionFacts = {
      caseIds: new Set(frozen.cases.map((c) => c.caseId)),
      planId: session.plan.planId,
      productId: session.productId,
    }
    facts.set(sessionId, found)
    return found
  }

  const write = (sessionId: string, changes: readonly CaseChange[]) =>
    attempt(() =>
      db.transaction('rw', [db.sessions, db.frozenPlans, db.results, db.audit], async () => {
        // The state is checked through its index, keys only: reading the whole session on every key press made verdicts slow.
        const [running, session, before] = await Promise.all([
          db.sessions.where('state').equals('running').primaryKeys(),
          factsOf(sessionId),
          db.results.bulkGet(changes.map((c) => [sessionId, c.caseId] as [string, string])),
        ])
        if (!running.includes(sessionId))
          throw refuse('not-allowed', 'This session is not running, so its results cannot change.')
        const actor = audit.actor()
        const at = audit.now().toISOString()
        const rows: ResultRow[] = []
        const audited: RecordChange[] = []
        for (const [index, { caseId, change }] of changes.entries()) {
          if (!session.caseIds.has(caseId))
            throw refuse('not-allowed', `Case ${caseId} is not part of this session's plan.`)
          const old = before[index]
          const { planId: _planId, ...oldResult } = old ?? { planId: '' }
          const result = orRefuse(
            validate(Result, {
              sessionId,
              caseId,
              verdict: 'untested',
              notes: '',
              evidenceIds: [],
              ...oldResult,
              ...change,
              updatedAt: at,
              updatedBy: actor.id,
            }),
          )
          rows.push({ ...result, planId: session.planId })
          audited.push(
            changeOf('result', resultId(sessionId, caseId), result, old && oldResult, result, [
              { kind: 'session', id: sessionId },
              { kind: 'product', id: session.productId },
            ]),
          )
        }
        await db.results.bulkPut(rows)
        await auditChanges(db, audit, audited)
        return rows.map(({ planId: _planId, ...result }) => result as Result)
      }),
    )

  const updateMany = async (sessionId: string, changes: readonly CaseChange[]): Promise<Outcome<readonly Result[]>> => {
    if (changes.length === 0) return ok([])
    // One change per case, the later fields over the earlier: one row and one audit entry each.
    const merged = new Map<string, ResultChange>()
    for (const { caseId, change } of changes) merged.set(caseId, { ...merged.get(caseId), ...change })
    const requested = [...merged].map(([caseId, change]) => ({ caseId, change }))
    const noted = requested.map(({ caseId, change }) => ({ caseId, ...journal.note(sessionId, caseId, change) }))
    const outcome = await write(
      sessionId,
      noted.map(({ caseId, change }) => ({ caseId, change })),
    )
    // Stored, or refused for good (the session completed meanwhile, the notes are too long): either way it must not be replayed.
    if (outcome.ok || isLasting(outcome.problem))
      for (const { caseId, version } of noted) journal.settle(sessionId, caseId, version)
    return outcome
  }

  return {
    forSession: (sessionId) => db.results.where('sessionId').equals(sessionId).toArray(),
    forPlanCase: (planId, caseId) => db.results.where('[planId+caseId]').equals([planId, caseId]).toArray(),
    keepTyping: (sessionId, caseId, change) => void journal.note(sessionId, caseId, change),
    pending: (sessionId) => journal.pending(sessionId),
    async update(sessionId, caseId, change) {
      const outcome = await updateMany(sessionId, [{ caseId, change }])
      if (!outcome.ok) return outcome
      const [result] = outcome.value
      if (result === undefined) throw new Error(`Storing case ${caseId} returned no result.`)
      return ok(result)
    },
    updateMany,
  }
}
