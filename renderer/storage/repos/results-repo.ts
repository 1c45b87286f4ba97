import { ZodError } from 'zod'
import { Result } from '../../../core/model/result'
import { auditChange, type AuditContext } from '../audit-log'
import type { LabDb } from '../lab-db'
import type { ResultChange, ResultJournal } from '../result-journal'
import { SessionStateError } from './sessions-repo'

export type ResultsRepo = ReturnType<typeof createResultsRepo>


export function createResultsRepo(db: LabDb, audit: AuditContext, journal: ResultJournal) {
  const planCases = new Map<string, ReadonlySet<string>>()
  return {
    forSession: (sessionId: string) => db.results.where('sessionId').equals(sessionId).toArray(),
    /** Every result recorded for this case ID, across sessions (filter by plan where IDs could clash). */
    forCase: (caseId: string) => db.results.where('caseId').equals(caseId).toArray(),
    /** Keeps what is being typed in the journal only: stored with the next update, or on the next open. */
    keepTyping: (sessionId: string, caseId: string, change: ResultChange): void => void journal.note(sessionId, caseId, change),
    /** Changes noted in the journal that never reached storage (the window closed first). */
    pending: (sessionId: string) => journal.pending(sessionId),
    /**
     * Changes one case's result in a running session and audits the change, in one
     * transaction. The change is journalled first, with anything still pending for
     * the case, so a window closed mid-write loses nothing. A completed session's results never change.
     */
    async update(sessionId: string, caseId: string, requested: ResultChange): Promise<Result> {
      const { change, version } = journal.note(sessionId, caseId, requested)
      try {
        const saved = await write(sessionId, caseId, change)
        journal.settle(sessionId, caseId, version)
        return saved
      } catch (error) {
        // A change that can never be stored (the session completed meanwhile, or the notes are too long) must not be replayed forever.
        if (error instanceof SessionStateError || error instanceof ZodError) journal.settle(sessionId, caseId, version)
        throw error
      }
    },
  }

  /** The case IDs of a session's plan, read once: a session's frozen plan never changes. */
  async function planCasesOf(sessionId: string): Promise<ReadonlySet<string>> {
    const known = planCases.get(sessionId)
    if (known) return known
    const session = await db.sessions.get(sessionId)
    if (!session) throw new SessionStateError('This session does not exist any more.')
    const ids = new Set(session.plan.cases.map((c) => c.caseId))
    planCases.set(sessionId, ids)
    return ids
  }

  function write(sessionId: string, caseId: string, change: ResultChange): Promise<Result> {
    return db.transaction('rw', db.sessions, db.results, db.audit, async () => {
      // The state is checked through its index, keys only: reading the whole session
      // (its frozen plan can be 1 MB) on every key press made verdicts slow.
      const [running, cases, before] = await Promise.all([
        db.sessions.where('state').equals('running').primaryKeys(),
        planCasesOf(sessionId),
        db.results.get([sessionId, caseId]),
      ])
      if (!running.includes(sessionId)) throw new SessionStateError('This session is not running, so its results cannot change.')
      if (!cases.has(caseId)) throw new SessionStateError(`Case ${caseId} is not part of this session's plan.`)
      const actor = audit.actor()
      const after = Result.parse({
        sessionId,
        caseId,
        verdict: 'untested',
        notes: '',
        evidenceIds: [],
        ...before,
        ...change,
        updatedAt: audit.now().toISOString(),
        updatedBy: actor.id,
      })
      await db.results.put(after)
      await auditChange(db, audit, { kind: 'result', id: `${sessionId}/${caseId}`, label: `Case ${caseId}` }, before, after)
      return after
    })
  }
}
