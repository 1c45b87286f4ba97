import { Session } from '../../../core/model/session'
import { listCaseIds, summarizeSession } from '../../../core/rules/session-summary'
import { auditChange, type AuditContext } from '../audit-log'
import type { LabDb } from '../lab-db'

export type SessionsRepo = ReturnType<typeof createSessionsRepo>

export const sessionLabel = (s: Session) => `Session ${s.plan.name} v${s.plan.version}`

/** A session as the audit trail records it: the plan it froze by name and version, not its copied cases. */
const auditView = (s: Session | undefined) =>
  s && { ...s, plan: `${s.plan.name} v${s.plan.version} (${s.plan.cases.length} cases, version id ${s.plan.versionId})` }

/** A session that cannot move on, with the reason in words for the tester. */
export class SessionStateError extends Error {
  override name = 'SessionStateError'
}

export function createSessionsRepo(db: LabDb, audit: AuditContext) {
  const entity = (s: Session) => ({ kind: 'session', id: s.id, label: sessionLabel(s) })

  const change = (id: string, update: (session: Session, at: string) => Promise<Session> | Session) =>
    db.transaction('rw', db.sessions, db.results, db.audit, async () => {
      const before = await db.sessions.get(id)
      if (!before) throw new SessionStateError('This session does not exist any more.')
      const at = audit.now().toISOString()
      const after = Session.parse({ ...(await update(before, at)), updatedAt: at })
      await db.sessions.put(after)
      await auditChange(db, audit, entity(after), auditView(before), auditView(after))
      return after
    })

  return {
    get: (id: string) => db.sessions.get(id),
    list: () => db.sessions.orderBy('updatedAt').reverse().toArray(),
    forProduct: async (productId: string) =>
      (await db.sessions.where('productId').equals(productId).toArray()).sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    /** Records a new session in the draft state, after validating it. */
    async create(session: Session): Promise<Session> {
      const valid = Session.parse({ ...session, state: 'draft', outcome: null, startedAt: null, completedAt: null, updatedAt: audit.now().toISOString() })
      await db.transaction('rw', db.sessions, db.audit, async () => {
        await db.sessions.add(valid)
        await auditChange(db, audit, entity(valid), undefined, auditView(valid))
      })
      return valid
    },
    /** Starts (or resumes) recording results. */
    start: (id: string) =>
      change(id, (session, at) => {
        if (session.state === 'running') return session
        if (session.state !== 'draft') throw new SessionStateError('This session is already completed; start a new session to retest.')
        return { ...session, state: 'running', startedAt: at }
      }),
    /** Completes the session once every required case is decided, recording its outcome. */
    complete: (id: string) =>
      change(id, async (session, at) => {
        if (session.state !== 'running') throw new SessionStateError('Only a running session can be completed.')
        const results = await db.results.where('sessionId').equals(id).toArray()
        const verdicts = new Map(results.map((r) => [r.caseId, r.verdict]))
        const summary = summarizeSession(session.plan.cases, (caseId) => verdicts.get(caseId))
        if (summary.outcome === null) {
          const n = summary.undecidedRequired.length
          throw new SessionStateError(
            `${n === 1 ? 'One required case is' : `${n} required cases are`} not decided yet (untested, blocked or marked for retest): ${listCaseIds(summary.undecidedRequired)}.`,
          )
        }
        return { ...session, state: 'completed', outcome: summary.outcome, completedAt: at }
      }),
  }
}
