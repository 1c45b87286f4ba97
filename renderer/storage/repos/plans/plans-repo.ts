import type { Archived } from '../../../../core/model/fields'
import { headerOf, PlanVersion, type PlanSource, type TestCase } from '../../../../core/model/test-plan'
import type { Outcome } from '../../../../core/outcome'
import { listInWords } from '../../../../core/text/list'
import { countOf } from '../../../../core/text/plural'
import { auditChange, auditChanges, changeOf, type AuditContext } from '../../audit-log'
import type { LabDb, PlanSummaryRow } from '../../lab-db'
import { newestFirst } from '../../newest-first'
import { attempt, orRefuse, refuse, validate } from '../../storage-problems'
import { draftKey } from '../drafts/drafts-repo'
import type { ArchiveActions } from '../record-repo'
import { cannotDeleteMessage, wasDeleted } from '../references'

/** A plan as lists show it: its newest version (without cases) and how many versions there are. */
export type PlanSummary = PlanSummaryRow

export type PlanImport = {
  readonly planId?: string
  readonly name: string
  readonly cases: readonly TestCase[]
  readonly source: PlanSource
}

/**
 * Archive, restore and delete work on a whole plan (every version), by its plan id. A plan any
 * version of which a session ran is archived, never deleted: the session names the version it ran.
 */
export type PlansRepo = ArchiveActions & {
  getVersion(id: string): Promise<PlanVersion | undefined>
  /** Every version of one plan, newest first. */
  versionsOf(planId: string): Promise<PlanVersion[]>
  /** Every plan with its newest version, archived ones too, newest change first; read from the summaries, not the versions. */
  list(): Promise<PlanSummary[]>
  /** One plan's summary (its newest version and whether it is archived), or undefined when there is no such plan. */
  summary(planId: string): Promise<PlanSummary | undefined>
  /** Whether a session has run this version (then it never changes again). */
  isUsed(versionId: string): Promise<boolean>
  /**
   * Saves an edited version. A version a session already ran is never changed:
   * the edit becomes the plan's next version, which is returned.
   */
  save(version: PlanVersion): Promise<Outcome<PlanVersion>>
  /** Stores an imported plan, all cases or none: a new plan, or the next version of an existing one when `planId` is given. */
  importPlan(input: PlanImport): Promise<Outcome<PlanVersion>>
}

/**
 * A plan version as the audit trail compares it: one field per case, so editing
 * one case of 2,000 records that case, not the whole list twice.
 */
const auditView = (v: PlanVersion | undefined) =>
  v && { ...v, cases: v.cases.length, ...Object.fromEntries(v.cases.map((c) => [`case ${c.caseId}`, c])) }

export function createPlansRepo(
  db: LabDb,
  audit: AuditContext,
  newId: () => string = () => crypto.randomUUID(),
): PlansRepo {
  const isUsed = async (versionId: string) => (await db.sessions.where('plan.versionId').equals(versionId).count()) > 0
  /** The plan's summary; rebuilt from its versions when there is none yet (a first version, or versions stored before summaries were kept). */
  const summaryOf = async (planId: string): Promise<PlanSummaryRow | undefined> => {
    const kept = await db.planSummaries.get(planId)
    if (kept) return kept
    const versions = (await db.planVersions.where('planId').equals(planId).toArray()).sort(
      (a, b) => a.version - b.version,
    )
    if (versions.length === 0) return undefined
    const latest = versions.reduce((a, b) => (b.version > a.version ? b : a))
    return { planId, latest: headerOf(latest), versionCount: versions.length }
  }
  const newestNumber = async (planId: string) => (await summaryOf(planId))?.latest.version ?? 0

  /** Keeps the plan's summary in step with a version about to be written, in the same transaction. */
  const summarize = async (version: PlanVersion, added: boolean) => {
    const summary = await summaryOf(version.planId)
    const isLatest = summary === undefined || version.version >= summary.latest.version
    await db.planSummaries.put({
      planId: version.planId,
      latest: isLatest || summary === undefined ? headerOf(version) : summary.latest,
      versionCount: (summary?.versionCount ?? 0) + (added ? 1 : 0),
      ...(summary?.archived ? { archived: summary.archived } : {}),
    })
  }

  const addVersion = async (version: PlanVersion) => {
    await summarize(version, true)
    await db.planVersions.add(version)
    await auditChange(db, audit, changeOf('plan-version', version.id, version, undefined, auditView(version)))
    return version
  }

  /** Why the plan cannot be deleted: the sessions that ran any version of it, and which versions. */
  const whyNot = async (planId: string): Promise<string | undefined> => {
    const [summary, sessions] = await Promise.all([
      summaryOf(planId),
      db.sessions.where('plan.planId').equals(planId).toArray(),
    ])
    if (summary === undefined || sessions.length === 0) return undefined
    const ran = [...new Set(sessions.map((s) => s.plan.version))].sort((a, b) => a - b)
    const versions = `${ran.length === 1 ? 'version' : 'versions'} ${listInWords(ran.map(String))}`
    return cannotDeleteMessage(summary.latest.name, [`${countOf(sessions.length, 'session')}, which ran ${versions}`])
  }

  /** Marks the plan archived (or not), audited as a change of its newest version, where the plan is opened. */
  const mark = (planId: string, archived: Archived | undefined) =>
    attempt(() =>
      db.transaction('rw', [db.planVersions, db.planSummaries, db.audit], async () => {
        const summary = await summaryOf(planId)
        const latest = summary && (await db.planVersions.get(summary.latest.id))
        if (summary === undefined || latest === undefined)
          throw refuse('not-found', 'This test plan does not exist any more.')
        if ((summary.archived === undefined) === (archived === undefined)) return
        const { archived: old, ...rest } = summary
        await db.planSummaries.put({ ...rest, ...(archived ? { archived } : {}) })
        await auditChange(db, audit, changeOf('plan-version', latest.id, latest, { archived: old }, { archived }))
      }),
    )

  return {
    getVersion: (id) => db.planVersions.get(id),
    versionsOf: async (planId) =>
      (await db.planVersions.where('planId').equals(planId).toArray()).sort((a, b) => b.version - a.version),
    list: async () => newestFirst(await db.planSummaries.orderBy('latest.updatedAt').toArray()),
    summary: summaryOf,
    isUsed,
    async save(version) {
      const at = audit.now().toISOString()
      const valid = validate(PlanVersion, { ...version, updatedAt: at })
      if (!valid.ok) return valid
      return attempt(() =>
        db.transaction('rw', [db.planVersions, db.planSummaries, db.sessions, db.audit], async () => {
          const before = await db.planVersions.get(version.id)
          if (before === undefined && (await wasDeleted(db, 'plan-version', version.id)))
            throw refuse(
              'not-found',
              'This test plan was deleted, so it cannot be saved again. Create a new one instead.',
            )
          if ((await db.planSummaries.get(version.planId))?.archived)
            throw refuse('not-allowed', 'This test plan is archived, so it cannot change. Restore it to edit it.')
          if (before && (await isUsed(before.id))) {
            const actor = audit.actor()
            const next = {
              ...valid.value,
              // Says it was edited from the version a session ran, by whom and when; where the plan came from stays.
              source: {
                ...valid.value.source,
                editedFrom: {
                  versionId: before.id,
                  version: before.version,
                  by: { id: actor.id, name: actor.name },
                  at,
                },
              },
              id: newId(),
              version: (await newestNumber(version.planId)) + 1,
              createdAt: at,
              updatedAt: at,
            }
            return addVersion(next)
          }
          await summarize(valid.value, before === undefined)
          await db.planVersions.put(valid.value)
          await auditChange(
            db,
            audit,
            changeOf('plan-version', valid.value.id, valid.value, auditView(before), auditView(valid.value)),
          )
          return valid.value
        }),
      )
    },
    archive: (planId) => {
      const actor = audit.actor()
      return mark(planId, { at: audit.now().toISOString(), by: { id: actor.id, name: actor.name } })
    },
    restore: (planId) => mark(planId, undefined),
    checkRemove: (planId) =>
      attempt(() =>
        db.transaction('r', [db.planVersions, db.planSummaries, db.sessions], async () => {
          const why = await whyNot(planId)
          if (why) throw refuse('not-allowed', why)
        }),
      ),
    remove: (planId) =>
      attempt(() =>
        db.transaction('rw', [db.planVersions, db.planSummaries, db.sessions, db.drafts, db.audit], async () => {
          const why = await whyNot(planId)
          if (why) throw refuse('not-allowed', why)
          const versions = (await db.planVersions.where('planId').equals(planId).toArray()).sort(
            (a, b) => a.version - b.version,
          )
          await db.planVersions.bulkDelete(versions.map((v) => v.id))
          await db.planSummaries.delete(planId)
          await db.drafts.bulkDelete(versions.map((v) => draftKey('plan-version', v.id)))
          await auditChanges(
            db,
            audit,
            versions.map((v) => changeOf('plan-version', v.id, v, auditView(v), undefined)),
          )
        }),
      ),
    async importPlan(input) {
      const at = audit.now().toISOString()
      const planId = input.planId ?? newId()
      return attempt(() =>
        db.transaction('rw', [db.planVersions, db.planSummaries, db.audit], async () => {
          const candidate = {
            id: newId(),
            planId,
            name: input.name,
            version: (await newestNumber(planId)) + 1,
            cases: input.cases,
            source: input.source,
            createdAt: at,
            updatedAt: at,
          }
          return addVersion(orRefuse(validate(PlanVersion, candidate)))
        }),
      )
    },
  }
}
