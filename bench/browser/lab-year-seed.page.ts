// Runs in Chromium at the app's origin, bundled by vite: writes years of a lab through the
// app's own repositories (validated and audited, as the app writes), one chunk of events per
// call from Node. Records are made from small specs (lab-year-records.ts), so a chunk crosses CDP as a few KB.
import { z } from 'zod'
import { entityLabel } from '../../core/model/entity'
import type { LabProfile, Person } from '../../core/model/lab-profile'
import { marketplaces } from '../../core/model/marketplace'
import type { Product } from '../../core/model/product'
import { decidingVerdicts } from '../../core/rules/session-summary'
import type { PlanVersion } from '../../core/model/test-plan'
import type { Unit } from '../../core/model/unit'
import { probeImageInBrowser } from '../../renderer/media/image-probe'
import type { Actor } from '../../renderer/storage/audit-log'
import { LabDb } from '../../renderer/storage/lab-db'
import { createRepositories, workstationActor, type Repositories } from '../../renderer/storage/repositories'
import { valueOf } from '../../test/helpers/outcome'
import { aHub, aSkill } from '../../test/helpers/records'
import type {
  ChunkDone,
  LabBase,
  LabCounts,
  LabYearSeedApi,
  SeedEvent,
  SeedTargets,
  SessionSpec,
  TargetRequest,
} from './lab-year-seed-api'
import { asinOf, brands, caseAt, pick, productOf, revised, unitsOf, uuidOf, verdictsFor } from './lab-year-records'
import { seededRandom } from './seeded-random'

// As renderer/index.tsx: the CSP forbids eval, so zod must not probe for it.
z.config({ jitless: true })

// --- The lab's state across calls (the page stays open for the whole seeding). ---

type SeededProduct = { readonly product: Product; readonly units: readonly Unit[] }

const state = {
  clock: new Date(0),
  actor: workstationActor,
  testers: [] as Person[],
  manager: undefined as Person | undefined,
  hubIds: [] as string[],
  skillIds: [] as string[],
  /** The newest version of each plan, by the plan's index. */
  plans: [] as PlanVersion[],
  products: new Map<number, SeededProduct>(),
  sessionIds: new Map<number, string>(),
}

const db = new LabDb()

// Made afresh per call: the results repository keeps each session's case IDs, which would add up to 1.5 million strings.
const openRepos = (): Repositories =>
  createRepositories(db, { probeImage: probeImageInBrowser, actor: () => state.actor, now: () => state.clock })

const at = (instant: string, actor: Actor) => {
  state.clock = new Date(instant)
  state.actor = actor
}

const personActor = (person: Person): Actor => ({ id: person.id, name: person.name })

// --- Writing. ---

async function seedBase(base: LabBase): Promise<void> {
  const repos = openRepos()
  const r = seededRandom(base.testers * 31 + base.plans.length)
  const first = [
    'Ana',
    'Ben',
    'Chloe',
    'Dev',
    'Emil',
    'Farah',
    'Goran',
    'Hana',
    'Ivo',
    'Jun',
    'Kira',
    'Luis',
    'Mara',
    'Nils',
    'Omar',
    'Pia',
  ]
  const last = [
    'Novak',
    'Okafor',
    'Petrov',
    'Quinn',
    'Rossi',
    'Sato',
    'Tanaka',
    'Ueda',
    'Varga',
    'Weber',
    'Xu',
    'Yilmaz',
    'Zhou',
    'Abbott',
    'Brandt',
    'Costa',
  ]
  const people: Person[] = Array.from({ length: base.testers + 1 }, (_, i) => {
    const name = `${pick(first, i)} ${pick(last, i)}`
    return {
      id: crypto.randomUUID(),
      name,
      initials: `${pick(first, i).charAt(0)}${pick(last, i).charAt(0)}`,
      role: i === 0 ? 'manager' : 'tester',
    }
  })
  const [manager, ...testers] = people
  if (!manager) throw new Error('The lab needs a manager.')
  state.manager = manager
  state.testers = testers
  at(base.at, personActor(manager))
  const profile: LabProfile = { id: 'lab', name: 'Northbridge Certification Lab', people, updatedAt: base.at }
  valueOf(await repos.profile.save(profile))
  for (let i = 0; i < base.hubs; i++) {
    const brand = pick(brands, i * 3)
    const hub = valueOf(
      await repos.hubs.save(
        aHub({
          id: crypto.randomUUID(),
          brand,
          modelNumber: `${brand.slice(0, 2).toUpperCase()}-HUB${i + 1}`,
          name: `${brand} Bridge ${i + 1}`,
          asins: [asinOf(500_000 + i)],
          firmware: `${2 + (i % 3)}.${i % 10}`,
          createdAt: base.at,
          updatedAt: base.at,
        }),
      ),
    )
    state.hubIds.push(hub.id)
  }
  for (let i = 0; i < base.skills; i++) {
    const skill = valueOf(
      await repos.skills.save(
        aSkill({
          id: crypto.randomUUID(),
          skillId: `amzn1.ask.skill.${uuidOf(r)}`,
          name: `${pick(brands, i)} Home ${i + 1}`,
          createdAt: base.at,
          updatedAt: base.at,
        }),
      ),
    )
    state.skillIds.push(skill.id)
  }
  for (const plan of base.plans) {
    const cases = Array.from({ length: plan.caseCount }, (_, i) => caseAt(plan, i))
    state.plans.push(
      valueOf(
        await repos.plans.importPlan({
          name: plan.name,
          cases,
          source: { kind: 'xlsx', fileName: `${plan.name}.xlsx`, sha256: null },
        }),
      ),
    )
  }
}

async function versionFor(
  repos: Repositories,
  planIndex: number,
  version: number,
  instant: string,
): Promise<PlanVersion> {
  let current = state.plans[planIndex]
  if (!current) throw new Error(`No plan ${planIndex}.`)
  while (current.version < version) {
    if (!state.manager) throw new Error('seedBase first.')
    at(instant, personActor(state.manager))
    // A session ran this version, so the save must make the next version, not change it.
    const next: PlanVersion = valueOf(await repos.plans.save(revised(current)))
    if (next.id === current.id || next.version !== current.version + 1)
      throw new Error(`Saving ${current.name} v${current.version} did not make version ${current.version + 1}.`)
    current = next
    state.plans[planIndex] = next
  }
  return current
}

async function runSession(repos: Repositories, spec: SessionSpec): Promise<number> {
  const seeded = state.products.get(spec.product)
  const unit = seeded?.units[spec.unit]
  const tester = state.testers[spec.tester]
  if (!seeded || !unit || !tester)
    throw new Error(
      `Session ${spec.index} names product ${spec.product}, unit ${spec.unit} or tester ${spec.tester}, which do not exist.`,
    )
  const plan = await versionFor(repos, spec.plan, spec.version, spec.createdAt)
  const id = crypto.randomUUID()
  const actor = personActor(tester)
  at(spec.createdAt, actor)
  valueOf(
    await repos.sessions.create({
      id,
      productId: seeded.product.id,
      unitId: unit.id,
      unitAsTested: {
        serialNumber: unit.serialNumber,
        firmware: unit.firmware,
        hardwareRevision: unit.hardwareRevision,
      },
      plan: { planId: plan.planId, versionId: plan.id, name: plan.name, version: plan.version, cases: plan.cases },
      testerId: tester.id,
      testerName: tester.name,
      region: spec.region,
      marketplaces: seeded.product.marketplaces.filter(
        (code) => marketplaces.find((m) => m.code === code)?.region === spec.region,
      ),
      state: 'draft',
      outcome: null,
      startedAt: null,
      completedAt: null,
      createdAt: spec.createdAt,
      updatedAt: spec.createdAt,
    }),
  )
  state.sessionIds.set(spec.index, id)
  at(spec.startedAt, actor)
  valueOf(await repos.sessions.start(id))
  const changes = verdictsFor(plan.cases, spec)
  at(spec.decidedAt, actor)
  // The whole session's verdicts in one call: one transaction, each result validated and audited.
  valueOf(await repos.results.updateMany(id, changes))
  if (spec.completedAt !== null) {
    at(spec.completedAt, actor)
    valueOf(await repos.sessions.complete(id))
  }
  return changes.length
}

async function seedChunk(events: readonly SeedEvent[]): Promise<ChunkDone> {
  const repos = openRepos()
  let products = 0
  let units = 0
  let sessions = 0
  let results = 0
  for (const event of events) {
    if (event.kind === 'product') {
      if (!state.manager) throw new Error('seedBase first.')
      const spec = event.product
      at(spec.at, personActor(state.manager))
      const product = valueOf(await repos.products.save(productOf(spec, state)))
      const received = unitsOf(spec, product)
      valueOf(await repos.units.saveMany(received))
      state.products.set(spec.index, { product, units: received })
      products += 1
      units += received.length
    } else {
      results += await runSession(repos, event.session)
      sessions += 1
    }
  }
  return { products, units, sessions, results }
}

async function finish(request: TargetRequest): Promise<{ readonly counts: LabCounts; readonly targets: SeedTargets }> {
  const repos = openRepos()
  const runnerSessionId = state.sessionIds.get(request.runnerSession)
  const seeded = state.products.get(request.product)
  if (!runnerSessionId || !seeded)
    throw new Error(`Session ${request.runnerSession} or product ${request.product} was never seeded.`)
  const runner = await repos.sessions.get(runnerSessionId)
  if (!runner) throw new Error('The runner session is not stored.')
  const runnerResults = await repos.results.forSession(runnerSessionId)
  const [products, units, hubs, skills, plans, planVersions, sessions, completedSessions, results, audit] =
    await Promise.all([
      db.products.count(),
      db.units.count(),
      db.hubs.count(),
      db.skills.count(),
      db.planSummaries.count(),
      db.planVersions.count(),
      db.sessions.count(),
      db.sessions.where('state').equals('completed').count(),
      db.results.count(),
      db.audit.count(),
    ])
  const trailTotal = await repos.audit.count({ kind: 'product', id: seeded.product.id })
  return {
    counts: { products, units, hubs, skills, plans, planVersions, sessions, completedSessions, results, audit },
    targets: {
      runnerSessionId,
      runnerCases: runner.plan.cases.length,
      runnerDecided: runnerResults.filter((r) => decidingVerdicts.has(r.verdict)).length,
      runnerFirstCase: runner.plan.cases[0]?.caseId ?? '',
      productId: seeded.product.id,
      productLabel: entityLabel('product', seeded.product),
      productSessions: (await repos.sessions.forProduct(seeded.product.id)).length,
      productAudit: trailTotal,
    },
  }
}

const api: LabYearSeedApi = { seedBase, seedChunk, finish }

// The Node side calls this through page.evaluate; a global keeps the bundle free of any loader.
Object.assign(globalThis, { labYearSeed: api })
