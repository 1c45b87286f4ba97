import {
  joinSession,
  Session,
  splitSession,
  type ClosingOutcome,
  type SessionSummary,
} from '../../../../core/model/session'
import { listCaseIds, summarizeSession } from '../../../../core/rules/session-summary'
import { refused, type Outcome } from '../../../../core/outcome'
import { auditChange, changeOf, type AuditContext } from '../../audit-log'
import type { LabDb } from '../../lab-db'
import { newestFirst } from '../../newest-first'
import { attempt, refuse, validate } from '../../storage-problems'

export type SessionsRepo = {
  /** The whole session, with the cases of the plan it froze. */
  get(id: string): Promise<Session | undefined>
  /** The session without its cases: its state, unit, tester and plan by name. */
  summary(id: string): Promise<SessionSummary | undefined>
  /** Every session, most recently changed first, without their cases. */
  list(): Promise<SessionSummary[]>
  /** The `limit` most recently changed sessions, newest first: what a list shows before it has read them all. */
  newest(limit: number): Promise<SessionSummary[]>
  /** How many sessions there are. */
  count(): Promise<number>
  /** The sessions run on one product, newest first. */
  forProduct(productId: string): Promise<SessionSummary[]>
  /** Records a new session in the draft state, after validating it; its plan's cases are frozen with it. */
  create(session: Session): Promise<Outcome<Session>>
  /** Starts (or resumes) recording results. */
  start(id: string): Promise<Outcome<SessionSummary>>
  /** Completes the session once every required case is decided, recording its outcome. */
  complete(id: string): Promise<Outcome<SessionSummary>>
  /** Ends a running session before every required case is decided: incomplete or abandoned, with why. Keeps every result. */
  close(id: string, outcome: ClosingOutcome, reason: string): Promise<Outcome<SessionSummary>>
  /**
   * Starts a new session on the same unit and plan version with just the cases
   * that failed, were blocked or are marked for retest in an ended session,
   * linked to it, tested by `tester`.
   */
  rerun(id: string, tester: { readonly id: string; readonly name: string }, newId: string): Promise<Outcome<Session>>
}

/** The verdicts a rerun takes again. */
const rerunVerdicts: ReadonlySet<string> = new Set(['failed', 'blocked', 'retest'])

/** A session as the audit trail records it: the plan it froze by name and version, not its copied cases. */
const auditView = (s: SessionSummary | undefined) =>
  s && { ...s, plan: `${s.plan.name} v${s.plan.version} (${s.plan.caseCount} cases, version id ${s.plan.versionId})` }

export function createSessionsRepo(db: LabDb, audit: AuditContext): SessionsRepo {
  const repo: SessionsRepo = createRepo()
  return repo

  function createRepo(): SessionsRepo {
    const missing = () => refuse('not-found', 'This session does not exist any more.')

    const change = (
      id: string,
      update: (session: SessionSummary, at: string) => Promise<SessionSummary> | SessionSummary,
    ) =>
      attempt(() =>
        db.transaction('rw', [db.sessions, db.frozenPlans, db.results, db.audit], async () => {
          const before = await db.sessions.get(id)
          if (!before) throw missing()
          const at = audit.now().toISOString()
          const after: SessionSummary = { ...(await update(before, at)), updatedAt: at }
          await db.sessions.put(after)
          await auditChange(db, audit, changeOf('session', after.id, after, auditView(before), auditView(after)))
          return after
        }),
      )

    return {
      async get(id) {
        const summary = await db.sessions.get(id)
        if (!summary) return undefined
        const frozen = await db.frozenPlans.get(summary.plan.frozenId)
        return frozen ? joinSession(summary, frozen) : undefined
      },
      summary: (id) => db.sessions.get(id),
      list: async () => newestFirst(await db.sessions.orderBy('updatedAt').toArray()),
      newest: (limit) => db.sessions.orderBy('updatedAt').reverse().limit(limit).toArray(),
      count: () => db.sessions.count(),
      forProduct: async (productId) =>
        (await db.sessions.where('productId').equals(productId).toArray()).sort((a, b) =>
          b.createdAt.localeCompare(a.createdAt),
        ),
      async create(session) {
        // A new session has decided nothing yet, whatever the session it was copied from (a rerun) had.
        const { lastActivityAt: _last, ...fresh } = session
        const valid = validate(Session, {
          ...fresh,
          decided: 0,
          state: 'draft',
          outcome: null,
          startedAt: null,
          completedAt: null,
          updatedAt: audit.now().toISOString(),
        })
        if (!valid.ok) return valid
        const { summary, frozen } = splitSession(valid.value)
        return attempt(() =>
          db.transaction('rw', [db.sessions, db.frozenPlans, db.audit], async () => {
            // The same copy (same cases, same version) is kept once, whichever session froze it first.
            if ((await db.frozenPlans.where('id').equals(frozen.id).count()) === 0) await db.frozenPlans.add(frozen)
            await db.sessions.add(summary)
            await auditChange(db, audit, changeOf('session', summary.id, summary, undefined, auditView(summary)))
            return valid.value
          }),
        )
      },
      start: (id) =>
        change(id, (session, at) => {
          if (session.state === 'running') return session
          if (session.state !== 'draft')
            throw refuse('not-allowed', 'This session is already completed; start a new session to retest.')
          return { ...session, state: 'running', startedAt: at }
        }),
      complete: (id) =>
        change(id, async (session, at) => {
          if (session.state !== 'running') throw refuse('not-allowed', 'Only a running session can be completed.')
          const [frozen, results] = await Promise.all([
            db.frozenPlans.get(session.plan.frozenId),
            db.results.where('sessionId').equals(id).toArray(),
          ])
          if (!frozen)
            throw refuse('not-found', 'The plan this session ran is missing from storage, so it cannot be completed.')
          const verdicts = new Map(results.map((r) => [r.caseId, r.verdict]))
          const summary = summarizeSession(frozen.cases, (caseId) => verdicts.get(caseId))
          if (summary.outcome === null) {
            const n = summary.undecidedRequired.length
            throw refuse(
              'not-allowed',
              `${n === 1 ? 'One required case is' : `${n} required cases are`} not decided yet (untested, blocked or marked for retest): ${listCaseIds(summary.undecidedRequired)}.`,
            )
          }
          return {
            ...session,
            state: 'completed',
            outcome: summary.outcome,
            completedAt: at,
            completedBy: audit.actor(),
          }
        }),
      close: (id, outcome, reason) =>
        change(id, (session, at) => {
          if (session.state !== 'running') throw refuse('not-allowed', 'Only a running session can be closed.')
          const why = reason.trim()
          if (why === '')
            throw refuse('invalid', 'Say why the session ends before every required case is decided.', 'closeReason')
          return {
            ...session,
            state: 'completed',
            outcome,
            closeReason: why,
            completedAt: at,
            completedBy: audit.actor(),
          }
        }),
      async rerun(id, tester, newId) {
        const ended = await repo.get(id)
        if (!ended) return refused('not-found', 'This session does not exist any more.')
        if (ended.state !== 'completed' && ended.state !== 'signed')
          return refused('not-allowed', 'Only an ended session can be rerun: finish or close this one first.')
        const verdicts = new Map(
          (await db.results.where('sessionId').equals(id).toArray()).map((r) => [r.caseId, r.verdict]),
        )
        const cases = ended.plan.cases.filter((c) => rerunVerdicts.has(verdicts.get(c.caseId) ?? 'untested'))
        if (cases.length === 0)
          return refused('not-allowed', 'No case of this session failed, was blocked or is marked for retest.')
        const at = audit.now().toISOString()
        const { completedBy: _by, closeReason: _why, ...kept } = ended
        const created = await repo.create({
          ...kept,
          id: newId,
          plan: { ...ended.plan, cases },
          testerId: tester.id,
          testerName: tester.name,
          state: 'draft',
          outcome: null,
          startedAt: null,
          completedAt: null,
          rerunOf: id,
          createdAt: at,
          updatedAt: at,
        })
        if (!created.ok) return created
        const started = await repo.start(newId)
        return started.ok
          ? { ok: true, value: { ...created.value, ...started.value, plan: created.value.plan } }
          : started
      },
    }
  }
}
