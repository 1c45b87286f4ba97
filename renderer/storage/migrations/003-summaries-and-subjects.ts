import type { Transaction } from 'dexie'
import { canonicalJson } from '../../../core/audit/canonical-json'
import { sha256Hex } from '../../../core/crypto/sha256'
import type { Migration } from './migration'

// A released migration must do for ever what it did when it shipped, whatever
// the models and helpers become later. So it reads and writes rows in the shapes
// of its own release, spelled out below, and relies only on canonical JSON and
// SHA-256, which never change.

type EntityKind = string
type Ref = { readonly kind: EntityKind; readonly id: string }
type Change = { readonly field: string; readonly before?: unknown; readonly after?: unknown }
type AuditRowV2 = { entity: Ref; changes: readonly Change[]; subjects?: readonly string[] }
type TestCaseV2 = Record<string, unknown>
type SessionV2 = {
  readonly id: string
  readonly productId: string
  readonly plan: {
    readonly planId: string
    readonly versionId: string
    readonly name: string
    readonly version: number
    readonly cases: readonly TestCaseV2[]
  }
}
type PlanVersionV2 = {
  readonly planId: string
  readonly version: number
  readonly cases: readonly TestCaseV2[]
} & Record<string, unknown>

const utf8 = new TextEncoder()

/** Version 3's frozen copy of a session's plan, named by the SHA-256 of its canonical JSON. */
function frozenCopy(plan: SessionV2['plan']) {
  const copy = {
    planId: plan.planId,
    versionId: plan.versionId,
    name: plan.name,
    version: plan.version,
    cases: plan.cases,
  }
  return { ...copy, id: sha256Hex(utf8.encode(canonicalJson(copy))) }
}

/** The session ids version 2 gave results: "<sessionId>/<caseId>". */
const sessionOfResult = (id: string) => (id.indexOf('/') > 0 ? id.slice(0, id.indexOf('/')) : undefined)

/** Version 2 named drafts by the section of their editor; version 3 names them by entity kind, as everything else does. */
const draftKinds: Readonly<Record<string, EntityKind>> = {
  lab: 'lab-profile',
  products: 'product',
  hubs: 'hub',
  skills: 'skill',
  units: 'unit',
  plans: 'plan-version',
}

/**
 * Version 3: reads that do not grow with the lab's history.
 * - A session's copied cases move out of its row into frozenPlans (one row per
 *   distinct copy, named by its SHA-256), so listing sessions no longer reads
 *   every plan a session ever ran.
 * - Each result carries its plan, indexed with its case ID, so a case's earlier
 *   verdicts are one index read instead of one session read per result.
 * - planSummaries keeps each plan's newest version and count beside the versions.
 * - Each audit entry lists the records it concerns (subjects, indexed), so a
 *   product's or session's trail is one index read; the hash is untouched.
 * - Drafts are keyed by entity kind.
 */
export const summariesAndSubjects: Migration = {
  version: 3,
  stores: {
    planSummaries: 'planId, latest.updatedAt',
    frozenPlans: 'id',
    results: '[sessionId+caseId], sessionId, caseId, [planId+caseId]',
    audit: 'seq, [entity.kind+entity.id], at, *subjects',
  },
  upgrade: upgradeToVersion3,
}

async function upgradeToVersion3(tx: Transaction): Promise<void> {
  const drafts = tx.table('drafts')
  for (const draft of (await drafts.toArray()) as { key: string; kind: string; recordId: string }[]) {
    const kind = draftKinds[draft.kind]
    if (kind === undefined) continue
    await drafts.delete(draft.key)
    await drafts.put({ ...draft, key: `${kind}:${draft.recordId}`, kind })
  }

  // Sessions: cases out of the row. Remember each session's plan and product for results and audit subjects.
  const sessionFacts = new Map<string, { readonly planId: string; readonly productId: string }>()
  const sessions = tx.table('sessions')
  for (const session of (await sessions.toArray()) as SessionV2[]) {
    const frozen = frozenCopy(session.plan)
    const { cases, ...plan } = session.plan
    await tx.table('frozenPlans').put(frozen)
    await sessions.put({ ...session, plan: { ...plan, caseCount: cases.length, frozenId: frozen.id } })
    sessionFacts.set(session.id, { planId: session.plan.planId, productId: session.productId })
  }

  await tx
    .table('results')
    .toCollection()
    .modify((result: { sessionId: string; planId?: string }) => {
      result.planId = sessionFacts.get(result.sessionId)?.planId ?? ''
    })

  const byPlan = new Map<string, PlanVersionV2[]>()
  for (const version of (await tx.table('planVersions').toArray()) as PlanVersionV2[])
    byPlan.set(version.planId, [...(byPlan.get(version.planId) ?? []), version])
  for (const [planId, versions] of byPlan) {
    const { cases, ...latest } = versions.reduce((a, b) => (b.version > a.version ? b : a))
    await tx
      .table('planSummaries')
      .put({ planId, latest: { ...latest, caseCount: cases.length }, versionCount: versions.length })
  }

  const unitProducts = new Map(
    ((await tx.table('units').toArray()) as { id: string; productId: string }[]).map((u) => [u.id, u.productId]),
  )
  await tx
    .table('audit')
    .toCollection()
    .modify((entry: AuditRowV2) => {
      const refs = [entry.entity, ...parentsFromHistory(entry, unitProducts, sessionFacts)]
      entry.subjects = [...new Set(refs.map((ref) => `${ref.kind}:${ref.id}`))]
    })
}

/** The product an old entry belongs to, from the records as they are now, or from the entry itself for a deleted unit. */
function parentsFromHistory(
  entry: AuditRowV2,
  unitProducts: ReadonlyMap<string, string>,
  sessions: ReadonlyMap<string, { readonly productId: string }>,
): Ref[] {
  const { kind, id } = entry.entity
  const product = (productId: string | undefined) => (productId ? [{ kind: 'product', id: productId }] : [])
  switch (kind) {
    case 'unit': {
      const recorded = entry.changes.find((change) => change.field === 'productId')
      const fromEntry =
        typeof recorded?.after === 'string'
          ? recorded.after
          : typeof recorded?.before === 'string'
            ? recorded.before
            : undefined
      return product(unitProducts.get(id) ?? fromEntry)
    }
    case 'session':
      return product(sessions.get(id)?.productId)
    case 'result': {
      const sessionId = sessionOfResult(id)
      if (sessionId === undefined) return []
      return [{ kind: 'session', id: sessionId }, ...product(sessions.get(sessionId)?.productId)]
    }
    default:
      return []
  }
}
