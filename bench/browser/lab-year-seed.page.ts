// Runs in Chromium at the app's origin, bundled by vite: writes years of a lab through the
// app's own repositories (validated and audited, as the app writes), one chunk of events per
// call from Node. Records are made here from small specs, so a chunk crosses CDP as a few KB.
import { z } from 'zod'
import { entityLabel } from '../../core/model/entity'
import type { LabProfile, Person } from '../../core/model/lab-profile'
import { marketplaces, type Region } from '../../core/model/marketplace'
import type { ConnectionMethod, Product } from '../../core/model/product'
import { gtinCheckDigit } from '../../core/rules/retail-id'
import { decidingVerdicts } from '../../core/rules/session-summary'
import type { Verdict } from '../../core/model/result'
import type { PlanVersion, TestCase } from '../../core/model/test-plan'
import { unitConditions, type Unit } from '../../core/model/unit'
import { probeImageInBrowser } from '../../renderer/media/image-probe'
import type { Actor } from '../../renderer/storage/audit-log'
import { LabDb } from '../../renderer/storage/lab-db'
import { createRepositories, workstationActor, type Repositories } from '../../renderer/storage/repositories'
import type { CaseChange } from '../../renderer/storage/repos/sessions/results-repo'
import { valueOf } from '../../test/helpers/outcome'
import { aCase, aHub, aProduct, aSkill, aUnit } from '../../test/helpers/records'
import { seededRandom } from './seeded-random'

// As renderer/index.tsx: the CSP forbids eval, so zod must not probe for it.
z.config({ jitless: true })

export type PlanSpec = { readonly name: string; readonly caseCount: number; readonly seed: number }

/** What exists before the first product: the lab profile, hubs, skills and every plan's first version. */
export type LabBase = {
  readonly at: string
  readonly testers: number
  readonly hubs: number
  readonly skills: number
  readonly plans: readonly PlanSpec[]
}

export type ProductSpec = {
  readonly index: number
  readonly at: string
  readonly connection: ConnectionMethod
  readonly hub: number | null
  readonly skill: number | null
  readonly regions: readonly Region[]
  readonly units: number
}

export type SessionSpec = {
  readonly index: number
  readonly product: number
  /** Which of the product's units. */
  readonly unit: number
  readonly plan: number
  /** The plan version it runs: the first session of version n forks it from version n−1 (an edit of a used version). */
  readonly version: number
  readonly tester: number
  readonly region: Region
  readonly createdAt: string
  readonly startedAt: string
  /** When its verdicts are stored: one updateMany call, one transaction. */
  readonly decidedAt: string
  /** Null: still running, with only `decided` of its cases given a verdict. */
  readonly completedAt: string | null
  readonly decided: number
}

export type SeedEvent =
  | { readonly kind: 'product'; readonly product: ProductSpec }
  | { readonly kind: 'session'; readonly session: SessionSpec }

export type ChunkDone = {
  readonly products: number
  readonly units: number
  readonly sessions: number
  readonly results: number
}

/** Rows in each table, counted after seeding. */
export type LabCounts = {
  readonly products: number
  readonly units: number
  readonly hubs: number
  readonly skills: number
  readonly plans: number
  readonly planVersions: number
  readonly sessions: number
  readonly completedSessions: number
  readonly results: number
  readonly audit: number
}

export type TargetRequest = { readonly runnerSession: number; readonly product: number }

/** The records whose screens are timed, and what those screens must show. */
export type SeedTargets = {
  readonly runnerSessionId: string
  readonly runnerCases: number
  /** Cases with a deciding verdict (passed, failed, not applicable): the runner's "n of m cases decided". */
  readonly runnerDecided: number
  readonly runnerFirstCase: string
  readonly productId: string
  readonly productLabel: string
  readonly productSessions: number
  /** Entries in the product's audit view: its own, its units', its sessions' and their results'. */
  readonly productAudit: number
}

export type LabYearSeedApi = {
  seedBase(base: LabBase): Promise<void>
  seedChunk(events: readonly SeedEvent[]): Promise<ChunkDone>
  finish(request: TargetRequest): Promise<{ readonly counts: LabCounts; readonly targets: SeedTargets }>
}

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

// --- Deterministic text, so both labs hold the same largest plan and a re-seed the same lab. ---

const pick = <T>(items: readonly T[], index: number): T => {
  const item = items[index % items.length]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

const capabilities = [
  'Alexa.PowerController',
  'Alexa.BrightnessController',
  'Alexa.ColorController',
  'Alexa.ThermostatController',
  'Alexa.LockController',
  'Alexa.EndpointHealth',
  'Discovery',
  'Account linking',
  'Alexa.ToggleController',
  'Reporting',
  'Routines',
  'Firmware update',
]
const actions = [
  ['turn on', 'off', 'on'],
  ['turn off', 'on', 'off'],
  ['set to 40 %', '100 %', '40 %'],
  ['lock', 'unlocked', 'locked'],
  ['set to 21 °C', '18 °C', '21 °C'],
] as const

// Text about as long as a real WWA case's: the frozen copy of every plan a session ran is stored.
function caseAt(plan: PlanSpec, i: number): TestCase {
  const n = i + 1
  const [verb, from, to] = pick(actions, i + plan.seed)
  return aCase(`TC-${String(n).padStart(4, '0')}`, {
    title: `Case ${n}: ${verb} by voice and check the state report`,
    category: pick(capabilities, Math.floor(i / 7) + plan.seed),
    steps: `1. Put the device in its ${from} state from the manufacturer's app.\n2. Say "Alexa, ${verb} the device".\n3. Open the Alexa app and look at the device's state.`,
    expected: `The device changes within 2 s, Alexa answers "OK", and the Alexa app shows it ${to} within 5 s.`,
    required: i % 10 !== 9,
  })
}

/** The edit that makes version n + 1: one case's expected result reworded after a lab review. */
function revised(version: PlanVersion): PlanVersion {
  const target = (version.version * 37) % version.cases.length
  return {
    ...version,
    cases: version.cases.map((c, i) =>
      i === target
        ? {
            ...c,
            expected: `${c.expected} Revised in version ${version.version + 1}: the report may arrive up to 8 s late.`,
          }
        : c,
    ),
  }
}

const brands = [
  'Acme',
  'Brightlane',
  'Cosyhome',
  'Domotek',
  'Everlite',
  'Fernwood',
  'Glowbit',
  'Hearthly',
  'Ironleaf',
  'Juniper Labs',
  'Kestrel',
  'Lumora',
  'Meridian',
  'Northwind',
  'Orchid',
  'Pebble & Co',
  'Quillon',
  'Riverstone',
  'Solace',
  'Tidewater',
  'Umbra',
  'Vireo',
  'Willowby',
  'Xylo',
  'Zephyr',
]
const deviceTypes = [
  'Light',
  'Plug',
  'Switch',
  'Thermostat',
  'Lock',
  'Camera',
  'Doorbell',
  'Contact sensor',
  'Motion sensor',
  'Fan',
  'Air purifier',
  'Blinds',
]
const regionMarketplaces: Readonly<Record<Region, readonly string[]>> = {
  NA: ['US', 'CA'],
  EU: ['UK', 'DE', 'FR', 'IT', 'ES'],
  FE: ['JP', 'AU'],
}
const knownCodes = new Set(marketplaces.map((m) => m.code))

const asinOf = (n: number) => `B0${n.toString(36).toUpperCase().padStart(8, '0')}`

const upcA = (body: number) => {
  const digits = String(body).padStart(11, '0')
  return `${digits}${gtinCheckDigit(digits)}`
}

const uuidOf = (r: () => number) => {
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join('')
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`
}

function productOf(spec: ProductSpec): Product {
  const brand = pick(brands, spec.index)
  const deviceType = pick(deviceTypes, Math.floor(spec.index / brands.length) + spec.index)
  const codes = spec.regions.flatMap((r) => regionMarketplaces[r]).filter((code) => knownCodes.has(code))
  return aProduct({
    id: crypto.randomUUID(),
    brand,
    modelNumber: `${brand.slice(0, 2).toUpperCase()}-${deviceType.slice(0, 1)}${1000 + spec.index}`,
    name: `${brand} Smart ${deviceType} ${spec.index % 3 === 0 ? 'Pro' : spec.index % 3 === 1 ? 'Mini' : 'Gen 2'}`,
    deviceType,
    connection: spec.connection,
    hubId: spec.hub === null ? null : (state.hubIds[spec.hub] ?? null),
    skillRecordId: spec.skill === null ? null : (state.skillIds[spec.skill] ?? null),
    marketplaces: codes,
    retailIds: [{ kind: 'UPC-A', value: upcA(81_000_000_000 + spec.index * 7) }],
    asins: codes.map((code, i) => ({
      marketplace: code,
      asin: asinOf(spec.index * 40 + i + 1_000_000),
      variation: '',
    })),
    createdAt: spec.at,
    updatedAt: spec.at,
  })
}

function unitsOf(spec: ProductSpec, product: Product): Unit[] {
  return Array.from({ length: spec.units }, (_, u) =>
    aUnit({
      id: crypto.randomUUID(),
      productId: product.id,
      serialNumber: `${product.modelNumber}-SN${String(spec.index * 10 + u).padStart(6, '0')}`,
      firmware: `${1 + (spec.index % 4)}.${u}.${spec.index % 9}`,
      hardwareRevision: u === 0 ? 'A' : 'B',
      receivedOn: spec.at.slice(0, 10),
      receivedFrom: `${product.brand} Ltd., certification desk`,
      condition: pick(unitConditions, spec.index + u),
      conditionNotes: (spec.index + u) % 7 === 0 ? 'Outer box dented on one corner; device unmarked.' : '',
      createdAt: spec.at,
      updatedAt: spec.at,
    }),
  )
}

// --- Verdicts: mostly passed; some sessions find failures; optional cases are sometimes blocked. ---

const failNotes = [
  'State report arrived after 9 s; Alexa app showed the old state.',
  'Device did not respond to the voice request; worked on the second try.',
  'Discovery listed the device twice after the firmware update.',
]
const otherNotes = [
  'Checked on the second unit as well.',
  'Needed a power cycle before discovery.',
  'Hub firmware updated before this case.',
]

function verdictsFor(cases: readonly TestCase[], spec: SessionSpec): CaseChange[] {
  const r = seededRandom(spec.index * 7919 + 17)
  // Over half of the sessions pass cleanly; the rest find a handful of failures, as retests after a fix do.
  const failRate = r() < 0.55 ? 0 : 0.002 + r() * 0.01
  return cases.slice(0, spec.decided).map((c, i): CaseChange => {
    const x = r()
    const verdict: Verdict = c.required
      ? x < failRate
        ? 'failed'
        : x < failRate + 0.03
          ? 'not-applicable'
          : 'passed'
      : x < 0.06
        ? 'blocked'
        : x < 0.14
          ? 'not-applicable'
          : x < 0.15
            ? 'failed'
            : 'passed'
    const notes =
      verdict === 'failed' || verdict === 'blocked' ? pick(failNotes, i) : r() < 0.02 ? pick(otherNotes, i) : ''
    return { caseId: c.caseId, change: notes === '' ? { verdict } : { verdict, notes } }
  })
}

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
      const product = valueOf(await repos.products.save(productOf(spec)))
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
