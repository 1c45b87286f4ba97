import { PlanVersion, type PlanSource, type TestCase } from '../../../core/model/test-plan'
import { auditChange, type AuditContext } from '../audit-log'
import type { LabDb } from '../lab-db'

export type PlansRepo = ReturnType<typeof createPlansRepo>

/** A plan as lists show it: its newest version and how many there are. */
export type PlanSummary = { readonly planId: string; readonly latest: PlanVersion; readonly versionCount: number }

const entity = (v: PlanVersion) => ({ kind: 'plan-version', id: v.id, label: `${v.name} v${v.version}` })

/**
 * A plan version as the audit trail compares it: one field per case, so editing
 * one case of 2,000 records that case, not the whole list twice.
 */
const auditView = (v: PlanVersion | undefined) =>
  v && { ...v, cases: v.cases.length, ...Object.fromEntries(v.cases.map((c) => [`case ${c.caseId}`, c])) }

export function createPlansRepo(db: LabDb, audit: AuditContext, newId: () => string = () => crypto.randomUUID()) {
  const isUsed = async (versionId: string) => (await db.sessions.where('plan.versionId').equals(versionId).count()) > 0

  return {
    getVersion: (id: string) => db.planVersions.get(id),
    versionsOf: async (planId: string) => (await db.planVersions.where('planId').equals(planId).toArray()).sort((a, b) => b.version - a.version),
    /** Every plan with its newest version, newest change first. */
    async list(): Promise<PlanSummary[]> {
      const byPlan = new Map<string, PlanVersion[]>()
      for (const version of await db.planVersions.toArray()) byPlan.set(version.planId, [...(byPlan.get(version.planId) ?? []), version])
      return [...byPlan.entries()]
        .map(([planId, versions]) => {
          const latest = versions.reduce((a, b) => (b.version > a.version ? b : a))
          return { planId, latest, versionCount: versions.length }
        })
        .sort((a, b) => b.latest.updatedAt.localeCompare(a.latest.updatedAt))
    },
    isUsed,
    /**
     * Saves an edited version. A version a session already ran is never changed:
     * the edit becomes the plan's next version, which is returned.
     */
    async save(version: PlanVersion): Promise<PlanVersion> {
      const at = audit.now().toISOString()
      return db.transaction('rw', db.planVersions, db.sessions, db.audit, async () => {
        const before = await db.planVersions.get(version.id)
        let target = PlanVersion.parse({ ...version, updatedAt: at })
        if (before && (await isUsed(before.id))) {
          const newest = (await db.planVersions.where('planId').equals(version.planId).toArray()).reduce((n, v) => Math.max(n, v.version), 0)
          target = PlanVersion.parse({ ...version, id: newId(), version: newest + 1, createdAt: at, updatedAt: at })
          await db.planVersions.add(target)
          await auditChange(db, audit, entity(target), undefined, auditView(target))
          return target
        }
        await db.planVersions.put(target)
        await auditChange(db, audit, entity(target), auditView(before), auditView(target))
        return target
      })
    },
    /**
     * Stores an imported plan, all cases or none: a new plan, or the next version
     * of an existing one when `planId` is given.
     */
    async importPlan(input: { readonly planId?: string; readonly name: string; readonly cases: readonly TestCase[]; readonly source: PlanSource }): Promise<PlanVersion> {
      const at = audit.now().toISOString()
      return db.transaction('rw', db.planVersions, db.audit, async () => {
        const planId = input.planId ?? newId()
        const newest = (await db.planVersions.where('planId').equals(planId).toArray()).reduce((n, v) => Math.max(n, v.version), 0)
        const version = PlanVersion.parse({
          id: newId(),
          planId,
          name: input.name,
          version: newest + 1,
          cases: input.cases,
          source: input.source,
          createdAt: at,
          updatedAt: at,
        })
        await db.planVersions.add(version)
        await auditChange(db, audit, entity(version), undefined, auditView(version))
        return version
      })
    },
  }
}
