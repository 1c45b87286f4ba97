import type { SessionReportInput } from '../../../../core/export/session-report'
import type { Actor } from '../../../storage/audit-log'
import { workstationActor, type Repositories } from '../../../storage/repositories'

/**
 * Everything a session's report says, read from the repositories at one moment:
 * the session with the plan it ran, its results, the product, the lab's people
 * (those who left included, so every result names who entered it), the evidence
 * files' names and SHA-256, and the head of the audit trail. Undefined when the
 * session does not exist.
 */
export async function readReportInput(
  repos: Repositories,
  sessionId: string,
  exportedBy: Actor,
  now: Date,
): Promise<SessionReportInput | undefined> {
  const session = await repos.sessions.get(sessionId)
  if (!session) return undefined
  // A burst of typing still open is audited first, so the head the report names covers every note in it.
  // Its notes are on disk already; if auditing them fails now, the report still shows them.
  await repos.results.endTyping(sessionId)
  const [results, product, profile, trail] = await Promise.all([
    repos.results.forSession(sessionId),
    repos.products.get(session.productId),
    repos.profile.get(),
    repos.audit.state(),
  ])
  const evidenceIds = [...new Set(results.flatMap((r) => r.evidenceIds))]
  const metas = await repos.files.metas(evidenceIds)
  const people = new Map<string, string>([[workstationActor.id, workstationActor.name]])
  for (const person of profile?.people ?? []) people.set(person.id, person.name)
  // The session keeps its tester's name; it still names them if they are gone from the profile.
  if (!people.has(session.testerId)) people.set(session.testerId, session.testerName)
  return {
    labName: profile?.name ?? '',
    product: product ? { brand: product.brand, modelNumber: product.modelNumber, name: product.name } : null,
    session,
    results,
    evidence: new Map(metas.map((m) => [m.id, { name: m.name, sha256: m.sha256 }])),
    people,
    auditHead: trail.head ? { seq: trail.head.seq, hash: trail.head.hash } : null,
    exportedAt: now.toISOString(),
    exportedBy: exportedBy.name,
  }
}
