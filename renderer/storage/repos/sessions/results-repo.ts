import { resultId } from '../../../../core/model/entity'
import { Result } from '../../../../core/model/result'
import type { SessionSummary } from '../../../../core/model/session'
import { decidedChange, decidingVerdicts } from '../../../../core/rules/session-summary'
import { isLasting, ok, type Outcome, type Problem } from '../../../../core/outcome'
import { auditChanges, changeOf, type AuditContext, type RecordChange } from '../../audit-log'
import type { LabDb, ResultRow, SettingRow } from '../../lab-db'
import type { Made, PendingChange, ResultChange, ResultJournal } from '../../result-journal'
import { attempt, orRefuse, refuse, validate } from '../../storage-problems'
import { burstKey, burstOf, caseOfBurstKey, sessionBurstPrefix, type TypingBurst } from './typing-bursts'

export type CaseChange = { readonly caseId: string; readonly change: ResultChange }

/** What reopening a session did with the changes its journal still held. */
export type Replayed = {
  readonly stored: readonly Result[]
  /** The changes stored now, as the journal held them: what the window that went away had not stored. */
  readonly recovered: readonly PendingChange[]
  /** Changes that cannot be stored (refused for good, or storage still failing), with why. */
  readonly notStored: readonly (PendingChange & { readonly problem: Problem })[]
}

export type ResultsRepo = {
  forSession(sessionId: string): Promise<ResultRow[]>
  /** Every result recorded for this case in any session of this plan: the case's history, one index read. */
  forPlanCase(planId: string, caseId: string): Promise<ResultRow[]>
  /** Changes noted in the journal that never reached storage (the window closed first). */
  pending(sessionId: string): PendingChange[]
  /**
   * Notes a change in the journal at once, as who is working now, before its
   * write is even queued: while an earlier write of the case is in flight, the
   * newest text is held only in memory, and a window closed or killed then must
   * still find it on reopen. The write that stores it settles the note.
   */
  notePending(sessionId: string, caseId: string, change: ResultChange): void
  /**
   * Changes one case's result in a running session and audits the change, in one
   * strict-durability transaction: once this resolves ok, the change is on disk.
   * A burst of typing still open in the case is audited in the same entry.
   * A completed session's results never change.
   */
  update(sessionId: string, caseId: string, change: ResultChange): Promise<Outcome<Result>>
  /**
   * Stores notes as they are typed, at once and on disk when this resolves ok,
   * but audits them only when the burst of typing ends (`endTyping`): one audit
   * entry per burst, not one per keystroke.
   */
  typeNotes(sessionId: string, caseId: string, notes: string): Promise<Outcome<Result>>
  /**
   * Ends the bursts of typing open in a session (or in one case of it): each is
   * audited as the person who typed it, at the time its last text was stored.
   * Returns how many entries were written.
   */
  endTyping(sessionId: string, caseId?: string): Promise<Outcome<number>>
  /** Changes several cases' results at once, all or none, journalled first. */
  updateMany(sessionId: string, changes: readonly CaseChange[]): Promise<Outcome<readonly Result[]>>
  /**
   * Counts, once, the progress of a session stored before it was kept with the
   * session (its decided cases and last activity, from its results); true when
   * it counted, false when there was nothing to count.
   */
  countProgress(sessionId: string): Promise<Outcome<boolean>>
  /**
   * Stores what the journal still holds for a session (a window killed mid-write),
   * each change as its author at its own time, case by case.
   */
  replayPending(sessionId: string): Promise<Replayed>
}

type SessionFacts = { readonly caseIds: ReadonlySet<string>; readonly planId: string; readonly productId: string }

type Write = CaseChange & {
  readonly made: Made
  readonly audit: 'now' | 'at-burst-end'
  /** A replayed change: written only when the case's stored result is older, checked in the writing transaction. */
  readonly unlessNewer?: boolean
}

/** A session's row with its progress as lists show it; its own fields (and updatedAt) unchanged: no one edited the session. */
/** How many of a session's results decide their case. */
const decidedOf = (results: readonly Result[]) => results.filter((r) => decidingVerdicts.has(r.verdict)).length

const progressOf = (row: SessionSummary, decided: number, at: string | undefined): SessionSummary =>
  at === undefined ? { ...row, decided } : { ...row, decided, lastActivityAt: at }

const withoutPlan = ({ planId: _planId, ...result }: ResultRow): Result => result

export function createResultsRepo(db: LabDb, audit: AuditContext, journal: ResultJournal): ResultsRepo {
  const facts = new Map<string, SessionFacts>()
  const madeNow = (): Made => ({ actor: audit.actor(), at: audit.now().toISOString() })

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

  /** Counts a session's decided cases from its results: once, for a session stored before the count was kept. */
  const decidedIn = async (sessionId: string) =>
    decidedOf(await db.results.where('sessionId').equals(sessionId).toArray())

  const auditOf = (sessionId: string, session: SessionFacts, result: Result, before: object | undefined, made: Made) =>
    ({
      ...changeOf('result', resultId(sessionId, result.caseId), result, before, result, [
        { kind: 'session', id: sessionId },
        { kind: 'product', id: session.productId },
      ]),
      made,
    }) satisfies RecordChange

  const write = (sessionId: string, writes: readonly Write[]) =>
    attempt(() =>
      db.transaction('rw', [db.sessions, db.frozenPlans, db.results, db.audit, db.settings], async () => {
        // The session's row is its summary (its cases are kept apart), so reading it on every key press costs little.
        const [row, session, before, bursts] = await Promise.all([
          db.sessions.get(sessionId),
          factsOf(sessionId),
          db.results.bulkGet(writes.map((w) => [sessionId, w.caseId] as [string, string])),
          db.settings.bulkGet(writes.map((w) => burstKey(sessionId, w.caseId))),
        ])
        if (row?.state !== 'running')
          throw refuse('not-allowed', 'This session is not running, so its results cannot change.')
        let decided = row.decided ?? (await decidedIn(sessionId))
        let activity: string | undefined
        const rows: ResultRow[] = []
        const audited: RecordChange[] = []
        const opened: SettingRow[] = []
        const closed: string[] = []
        for (const [index, { caseId, change, made, audit: when, unlessNewer }] of writes.entries()) {
          if (!session.caseIds.has(caseId))
            throw refuse('not-allowed', `Case ${caseId} is not part of this session's plan.`)
          const old = before[index]
          // A copy whose settling never reached the disk, or older than what was stored since: never written over newer.
          if (unlessNewer && old !== undefined && old.updatedAt >= made.at) continue
          const oldResult = old && withoutPlan(old)
          const result = orRefuse(
            validate(Result, {
              sessionId,
              caseId,
              verdict: 'untested',
              notes: '',
              evidenceIds: [],
              ...oldResult,
              ...change,
              updatedAt: made.at,
              updatedBy: made.actor.id,
            }),
          )
          rows.push({ ...result, planId: session.planId })
          decided += decidedChange(oldResult?.verdict, result.verdict)
          const burst = burstOf(bursts[index])
          const key = burstKey(sessionId, caseId)
          if (when === 'at-burst-end') {
            // The burst remembers the result as the trail last recorded it, and the newest text's author and time.
            const value: TypingBurst = { before: burst ? burst.before : (oldResult ?? null), ...made }
            opened.push({ key, value })
          } else {
            // One entry for the burst and this change together: the trail goes from what it last recorded to now.
            audited.push(auditOf(sessionId, session, result, burst ? (burst.before ?? undefined) : oldResult, made))
            if (bursts[index]) closed.push(key)
            activity = made.at
          }
        }
        // Kept beside the results for lists; typed notes count as activity when their burst ends, not per keystroke.
        if (activity !== undefined || decided !== row.decided) await db.sessions.put(progressOf(row, decided, activity))
        await db.results.bulkPut(rows)
        if (opened.length > 0) await db.settings.bulkPut(opened)
        if (closed.length > 0) await db.settings.bulkDelete(closed)
        await auditChanges(db, audit, audited)
        return rows.map(withoutPlan)
      }),
    )

  /** Journals the writes, stores them, and settles the journal unless the store may still succeed later. */
  const journalled = async (sessionId: string, writes: readonly Write[]): Promise<Outcome<readonly Result[]>> => {
    const noted = writes.map((w) => ({ ...w, ...journal.note(sessionId, w.caseId, w.change, w.made) }))
    const outcome = await write(sessionId, noted)
    // Stored, or refused for good (the session completed meanwhile, the notes are too long): either way it must not be replayed.
    if (outcome.ok || isLasting(outcome.problem))
      for (const { caseId, version } of noted) journal.settle(sessionId, caseId, version)
    return outcome
  }

  const one = async (outcome: Promise<Outcome<readonly Result[]>>, caseId: string): Promise<Outcome<Result>> => {
    const done = await outcome
    if (!done.ok) return done
    const [result] = done.value
    if (result === undefined) throw new Error(`Storing case ${caseId} returned no result.`)
    return ok(result)
  }

  const updateMany = async (sessionId: string, changes: readonly CaseChange[]): Promise<Outcome<readonly Result[]>> => {
    if (changes.length === 0) return ok([])
    // One change per case, the later fields over the earlier: one row and one audit entry each.
    const merged = new Map<string, ResultChange>()
    for (const { caseId, change } of changes) merged.set(caseId, { ...merged.get(caseId), ...change })
    const made = madeNow()
    return journalled(
      sessionId,
      [...merged].map(([caseId, change]) => ({ caseId, change, made, audit: 'now' as const })),
    )
  }

  return {
    forSession: (sessionId) => db.results.where('sessionId').equals(sessionId).toArray(),
    forPlanCase: (planId, caseId) => db.results.where('[planId+caseId]').equals([planId, caseId]).toArray(),
    pending: (sessionId) => journal.pending(sessionId),
    notePending: (sessionId, caseId, change) => void journal.note(sessionId, caseId, change, madeNow()),
    update: (sessionId, caseId, change) => one(updateMany(sessionId, [{ caseId, change }]), caseId),
    typeNotes: (sessionId, caseId, notes) =>
      one(journalled(sessionId, [{ caseId, change: { notes }, made: madeNow(), audit: 'at-burst-end' }]), caseId),
    endTyping: (sessionId, caseId) =>
      attempt(() =>
        db.transaction('rw', [db.sessions, db.frozenPlans, db.results, db.audit, db.settings], async () => {
          const rows =
            caseId === undefined
              ? await db.settings.where('key').startsWith(sessionBurstPrefix(sessionId)).toArray()
              : ((await db.settings.get(burstKey(sessionId, caseId))) ?? [])
          const open = [rows].flat()
          if (open.length === 0) return 0
          const session = await factsOf(sessionId)
          const audited: RecordChange[] = []
          for (const row of open) {
            const burst = burstOf(row)
            const stored = await db.results.get([sessionId, caseOfBurstKey(sessionId, row.key)])
            if (burst && stored) {
              const result = withoutPlan(stored)
              audited.push(auditOf(sessionId, session, result, burst.before ?? undefined, burst))
            }
          }
          await db.settings.bulkDelete(open.map((row) => row.key))
          const last = open.map((row) => burstOf(row)?.at ?? '').reduce((a, b) => (b > a ? b : a), '')
          const summary = last === '' ? undefined : await db.sessions.get(sessionId)
          if (summary && (summary.lastActivityAt ?? '') < last)
            await db.sessions.put(progressOf(summary, summary.decided ?? (await decidedIn(sessionId)), last))
          await auditChanges(db, audit, audited)
          return audited.length
        }),
      ),
    updateMany,
    countProgress: (sessionId) =>
      attempt(() =>
        db.transaction('rw', db.sessions, db.results, async () => {
          const row = await db.sessions.get(sessionId)
          if (row === undefined || row.decided !== undefined) return false
          const results = await db.results.where('sessionId').equals(sessionId).toArray()
          const decided = decidedOf(results)
          const last = results.reduce<string | undefined>(
            (a, r) => (a === undefined || r.updatedAt > a ? r.updatedAt : a),
            undefined,
          )
          await db.sessions.put(progressOf(row, decided, row.lastActivityAt ?? last))
          return true
        }),
      ),
    async replayPending(sessionId) {
      const stored: Result[] = []
      const recovered: PendingChange[] = []
      const notStored: (PendingChange & { readonly problem: Problem })[] = []
      for (const pending of journal.pending(sessionId)) {
        // Already stored, or overtaken (a settling that never reached the disk): settled without a word, even in a
        // session completed since. The write below checks the same again in its transaction, against a key pressed meanwhile.
        const current = await db.results.get([sessionId, pending.caseId]).catch(() => undefined)
        if (current !== undefined && current.updatedAt >= pending.at) {
          journal.settle(sessionId, pending.caseId, pending.version)
          continue
        }
        const made: Made = { actor: pending.actor ?? audit.actor(), at: pending.at }
        const outcome = await write(sessionId, [
          { caseId: pending.caseId, change: pending.change, made, audit: 'now', unlessNewer: true },
        ])
        if (outcome.ok || isLasting(outcome.problem)) journal.settle(sessionId, pending.caseId, pending.version)
        // Nothing written: the database already held this change, or a newer one.
        if (outcome.ok && outcome.value.length === 0) continue
        if (outcome.ok) {
          stored.push(...outcome.value)
          recovered.push(pending)
        } else notStored.push({ ...pending, problem: outcome.problem })
      }
      return { stored, recovered, notStored }
    },
  }
}
