// What crosses CDP between the lab-year bench in Node and its seeding page in Chromium: the
// specs Node sends (a few KB a chunk) and what the page answers.
import type { Region } from '../../core/model/marketplace'
import type { ConnectionMethod } from '../../core/model/product'

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
