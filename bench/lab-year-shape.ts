import type { Region } from '../core/model/marketplace'
import type { ConnectionMethod } from '../core/model/product'
import type { LabBase, LabCounts, PlanSpec, ProductSpec, SeedEvent, SessionSpec } from './browser/lab-year-seed-api'
import { seededRandom } from './browser/seeded-random'

/** Issue 7's lab at scale 1: five years of a busy lab. */
export const fullLab = {
  products: 300,
  unitsPerProduct: 2,
  hubs: 20,
  skills: 50,
  plans: 40,
  versionsPerPlan: 3,
  sessions: 3_000,
  results: 1_500_000,
  testers: 12,
  years: 5,
} as const

// Regression plans are most of the plans and most of the runs; the full certifications are long.
const smallPlans = { share: 0.7, fewest: 150, most: 500 } as const
const largePlans = { fewest: 560, most: 2_000 } as const
// Share of sessions run on the large plans is solved for the results total, within these bounds.
const largeSessionShare = { least: 0.1, most: 0.3 } as const
// The newest sessions are still running, half their cases decided: a lab always has some in flight.
const runningShare = 0.01

const firstDay = Date.parse('2021-12-01T08:00:00.000Z')
const hour = 3_600_000
const year = 365.25 * 24 * hour

/** A lab to seed: what exists first, then products and sessions in the order they happened, and what the tables must hold afterwards. */
export type LabShape = {
  readonly base: LabBase
  readonly events: readonly SeedEvent[]
  readonly expected: LabCounts
  /** The session whose runner is timed (a SessionSpec index). */
  readonly runnerSession: number
  /** The product whose page and audit view are timed (a ProductSpec index). */
  readonly product: number
}

type Draft = { readonly desired: number; readonly duration: number } & (
  | { readonly kind: 'product'; readonly spec: Omit<ProductSpec, 'at'> }
  | {
      readonly kind: 'session'
      readonly spec: Omit<
        SessionSpec,
        'plan' | 'version' | 'createdAt' | 'startedAt' | 'decidedAt' | 'completedAt' | 'decided'
      >
    }
)

const linear = (from: number, to: number, i: number, n: number) =>
  Math.round(n === 1 ? to : from + ((to - from) * i) / (n - 1))
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)
const iso = (ms: number) => new Date(ms).toISOString()
const sessionHours = (cases: number) => 1 + cases / 90

/** Every plan's spec: the regression plans first, the full certifications after, the largest last. */
function planSpecs(count: number): PlanSpec[] {
  const small = Math.max(1, Math.round(count * smallPlans.share))
  const large = Math.max(1, count - small)
  const devices = [
    'smart plug',
    'light',
    'switch',
    'thermostat',
    'lock',
    'camera',
    'doorbell',
    'sensor',
    'fan',
    'blinds',
  ]
  return [
    ...Array.from({ length: small }, (_, i) => ({
      name: `WWA ${devices[i % devices.length] ?? 'device'} regression ${Math.floor(i / devices.length) + 1}`,
      caseCount: linear(smallPlans.fewest, smallPlans.most, i, small),
    })),
    ...Array.from({ length: large }, (_, i) => ({
      name:
        i === large - 1
          ? 'WWA full certification, every capability'
          : `WWA ${devices[i % devices.length] ?? 'device'} full certification ${Math.floor(i / devices.length) + 1}`,
      caseCount: linear(largePlans.fewest, largePlans.most, i, large),
    })),
    // The largest plan's text must not depend on how many plans there are: the baseline holds the same one.
  ].map((plan, i, all) => ({ ...plan, seed: i === all.length - 1 ? 1_000 : i }))
}

/** The largest plan: the runner is timed on a session of it in both labs. */
export const largestPlan = (): PlanSpec => {
  const plans = planSpecs(fullLab.plans)
  const largest = plans.at(-1)
  if (!largest) throw new Error('No plans.')
  return largest
}

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const a = items[i] as T
    items[i] = items[j] as T
    items[j] = a
  }
  return items
}

/** Whole shares of `total` in proportion to the weights (largest remainder), at least one each when there are enough. */
function apportion(total: number, weights: readonly number[]): number[] {
  const floor = total >= weights.length ? 1 : 0
  const rest = total - floor * weights.length
  const sum = weights.reduce((a, b) => a + b, 0)
  const exact = weights.map((w) => (rest * w) / sum)
  const counts = exact.map((x) => floor + Math.floor(x))
  const order = exact.map((x, i) => ({ i, part: x - Math.floor(x) })).sort((a, b) => b.part - a.part)
  const short = total - counts.reduce((a, b) => a + b, 0)
  for (let k = 0; k < short; k++) {
    const at = order[k % order.length]?.i ?? 0
    counts[at] = (counts[at] ?? 0) + 1
  }
  return counts
}

const connectionAt = (i: number): ConnectionMethod =>
  i % 10 < 3 ? 'hub' : i % 10 < 8 ? 'direct-skill' : i % 10 === 8 ? 'zigbee' : 'matter'
const regionsAt = (i: number): Region[] => [['NA'], ['EU'], ['NA', 'EU'], ['NA', 'EU', 'FE']][i % 4] as Region[]

/**
 * Years of a busy lab, scaled: products registered over the years with their units, each tested
 * in sessions over the months after (retests included), most on the regression plans, every plan
 * edited twice after sessions ran it (so it has 3 versions), the newest sessions still running.
 */
export function yearsOfLab(scale: number): LabShape {
  const random = seededRandom(20_261_201)
  const count = (full: number, least: number) => Math.max(least, Math.round(full * scale))
  const plans = planSpecs(count(fullLab.plans, 4))
  const products = count(fullLab.products, 1)
  const sessions = count(fullLab.sessions, plans.length * fullLab.versionsPerPlan)
  const hubs = count(fullLab.hubs, 1)
  const skills = count(fullLab.skills, 1)
  const span = fullLab.years * year

  const small = plans.flatMap((p, i) => (p.caseCount <= smallPlans.most ? [i] : []))
  const large = plans.flatMap((p, i) => (p.caseCount > smallPlans.most ? [i] : []))
  const smallMean = mean(small.map((i) => plans[i]?.caseCount ?? 0))
  const largeMean = mean(large.map((i) => plans[i]?.caseCount ?? 0))
  // So that the results total fullLab.results × scale, the running sessions' undecided halves made up for.
  const wanted = fullLab.results * scale * (1 + runningShare / 2)
  const solved = Math.round((wanted - sessions * smallMean) / (largeMean - smallMean))
  const onLarge = Math.min(
    sessions - small.length * fullLab.versionsPerPlan,
    Math.max(
      large.length * fullLab.versionsPerPlan,
      Math.ceil(sessions * largeSessionShare.least),
      Math.min(solved, Math.floor(sessions * largeSessionShare.most)),
    ),
  )
  const planOfRun = shuffle(
    [
      ...Array.from({ length: onLarge }, (_, k) => large[k % large.length] ?? 0),
      ...Array.from({ length: sessions - onLarge }, (_, k) => small[k % small.length] ?? 0),
    ],
    random,
  )

  const drafts: Draft[] = []
  const created = Array.from({ length: products }, (_, i) => (0.9 * (i + random() * 0.5)) / products)
  const perProduct = apportion(
    sessions,
    created.map(() => 0.4 + random() * 1.2),
  )
  let sessionIndex = 0
  for (const [i, c] of created.entries()) {
    const regions = regionsAt(i)
    const connection = connectionAt(i)
    drafts.push({
      kind: 'product',
      desired: c,
      duration: 0.5 * hour,
      spec: {
        index: i,
        connection,
        hub: connection === 'hub' ? i % hubs : null,
        skill: connection === 'hub' || connection === 'direct-skill' ? i % skills : null,
        regions,
        units: fullLab.unitsPerProduct,
      },
    })
    for (let k = 0; k < (perProduct[i] ?? 0); k++) {
      drafts.push({
        kind: 'session',
        desired: Math.min(0.999, c + 0.002 + random() * 0.09),
        duration: 0, // set once the plan is known
        spec: {
          index: sessionIndex++,
          product: i,
          unit: random() < 0.7 ? 0 : fullLab.unitsPerProduct - 1,
          tester: Math.floor(random() * fullLab.testers),
          region: regions[Math.floor(random() * regions.length)] ?? 'NA',
        },
      })
    }
  }
  drafts.sort((a, b) => a.desired - b.desired || (a.kind === 'product' ? -1 : 1))

  // In time order: the plan each run uses, and which of the plan's versions (its runs in thirds).
  const runsOfPlan = new Map<number, number>()
  const timedRuns = drafts.filter((d) => d.kind === 'session')
  const planAt = timedRuns.map((_, j) => planOfRun[j] ?? 0)
  const totalOfPlan = new Map<number, number>()
  for (const p of planAt) totalOfPlan.set(p, (totalOfPlan.get(p) ?? 0) + 1)
  const running = Math.max(1, Math.round(sessions * runningShare))

  const events: SeedEvent[] = []
  let cursor = firstDay + 2 * hour
  let run = 0
  let results = 0
  let completed = 0
  const resultsOfProduct = new Map<number, number>()
  let runnerSession = -1
  const largest = plans.length - 1
  for (const draft of drafts) {
    cursor = Math.max(cursor, firstDay + draft.desired * span)
    if (draft.kind === 'product') {
      events.push({ kind: 'product', product: { ...draft.spec, at: iso(cursor) } })
      cursor += draft.duration
      continue
    }
    const plan = planAt[run] ?? 0
    const cases = plans[plan]?.caseCount ?? 0
    const nth = runsOfPlan.get(plan) ?? 0
    runsOfPlan.set(plan, nth + 1)
    const version = 1 + Math.floor((nth * fullLab.versionsPerPlan) / (totalOfPlan.get(plan) ?? 1))
    const isRunning = run >= timedRuns.length - running
    const decided = isRunning ? Math.floor(cases / 2) : cases
    const hours = sessionHours(decided)
    const session: SessionSpec = {
      ...draft.spec,
      plan,
      version,
      createdAt: iso(cursor),
      startedAt: iso(cursor + 0.1 * hour),
      decidedAt: iso(cursor + hours * hour),
      completedAt: isRunning ? null : iso(cursor + (hours + 0.2) * hour),
      decided,
    }
    events.push({ kind: 'session', session })
    cursor += (hours + 0.5) * hour
    results += decided
    if (!isRunning) completed += 1
    if (!isRunning && plan === largest) runnerSession = session.index
    resultsOfProduct.set(session.product, (resultsOfProduct.get(session.product) ?? 0) + decided)
    run += 1
  }
  if (runnerSession < 0) throw new Error('No completed session of the largest plan: the shape is too small.')
  const product = [...resultsOfProduct.entries()].reduce(
    (best, entry) => (entry[1] > best[1] ? entry : best),
    [0, -1],
  )[0]

  const planVersions = plans.length * fullLab.versionsPerPlan
  const units = products * fullLab.unitsPerProduct
  return {
    base: { at: iso(firstDay), testers: fullLab.testers, hubs, skills, plans },
    events,
    runnerSession,
    product,
    expected: {
      products,
      units,
      hubs,
      skills,
      plans: plans.length,
      planVersions,
      sessions,
      completedSessions: completed,
      results,
      // Every write made one entry: the profile, each record, each version, each session's create, start and completion, each result.
      audit: 1 + hubs + skills + planVersions + products + units + sessions * 2 + completed + results,
    },
  }
}

/** The baseline: one of each thing a screen needs, and one completed session of the same largest plan, every case given a verdict. */
export function oneOfEach(): LabShape {
  const plan = largestPlan()
  const created = firstDay + 2 * hour
  const hours = sessionHours(plan.caseCount)
  return {
    base: { at: iso(firstDay), testers: 1, hubs: 1, skills: 1, plans: [plan] },
    events: [
      {
        kind: 'product',
        product: { index: 0, at: iso(created), connection: 'hub', hub: 0, skill: 0, regions: ['NA'], units: 1 },
      },
      {
        kind: 'session',
        session: {
          index: 0,
          product: 0,
          unit: 0,
          plan: 0,
          version: 1,
          tester: 0,
          region: 'NA',
          createdAt: iso(created + hour),
          startedAt: iso(created + 1.1 * hour),
          decidedAt: iso(created + (1 + hours) * hour),
          completedAt: iso(created + (1.2 + hours) * hour),
          decided: plan.caseCount,
        },
      },
    ],
    runnerSession: 0,
    product: 0,
    expected: {
      products: 1,
      units: 1,
      hubs: 1,
      skills: 1,
      plans: 1,
      planVersions: 1,
      sessions: 1,
      completedSessions: 1,
      results: plan.caseCount,
      audit: 1 + 1 + 1 + 1 + 1 + 1 + 3 + plan.caseCount,
    },
  }
}
