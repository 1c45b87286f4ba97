import { splitSession, type Session } from '../../core/model/session'
import { headerOf, type PlanVersion } from '../../core/model/test-plan'
import type { LabDb } from '../../renderer/storage/lab-db'

// Fixtures written straight into storage, shaped as the repositories keep them.

/** Puts sessions straight into storage as the repository keeps them: each row, and the frozen plan it names. */
export async function putSessions(db: LabDb, sessions: readonly Session[]): Promise<void> {
  const parts = sessions.map(splitSession)
  await db.frozenPlans.bulkPut(parts.map((p) => p.frozen))
  await db.sessions.bulkPut(parts.map((p) => p.summary))
}

/** Puts plan versions straight into storage with the summaries the repository keeps beside them. */
export async function putPlanVersions(db: LabDb, versions: readonly PlanVersion[]): Promise<void> {
  await db.planVersions.bulkPut([...versions])
  const byPlan = new Map<string, PlanVersion[]>()
  for (const version of await db.planVersions.toArray())
    byPlan.set(version.planId, [...(byPlan.get(version.planId) ?? []), version])
  for (const [planId, all] of byPlan) {
    const latest = all.reduce((a, b) => (b.version > a.version ? b : a))
    await db.planSummaries.put({ planId, latest: headerOf(latest), versionCount: all.length })
  }
}
