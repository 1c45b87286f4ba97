import { z } from 'zod'
import { canonicalJson } from '../audit/canonical-json'
import { sha256Hex } from '../crypto/sha256'
import { Id, Instant } from './fields'
import { MarketplaceCode, Region } from './marketplace'
import { TestCase } from './test-plan'

export const sessionStates = ['draft', 'running', 'completed', 'signed'] as const
export const SessionState = z.enum(sessionStates)
export type SessionState = z.infer<typeof SessionState>
export const sessionStateLabels: Readonly<Record<SessionState, string>> = {
  draft: 'Draft',
  running: 'Running',
  completed: 'Completed',
  signed: 'Signed',
}

/**
 * How a session ended: passed or failed once every required case is decided;
 * closed as incomplete (some cases could not be decided, for a reason) or
 * abandoned. Every result is kept whichever way it ended.
 */
export const SessionOutcome = z.enum(['passed', 'failed', 'incomplete', 'abandoned'])
export type SessionOutcome = z.infer<typeof SessionOutcome>
export const sessionOutcomeLabels: Readonly<Record<SessionOutcome, string>> = {
  passed: 'Passed',
  failed: 'Failed',
  incomplete: 'Incomplete',
  abandoned: 'Abandoned',
}
/** The outcomes that end a session before every required case is decided: each needs its reason. */
export const closingOutcomes = ['incomplete', 'abandoned'] as const
export type ClosingOutcome = (typeof closingOutcomes)[number]

/** The plan version a session ran, copied into it: later edits of the plan never change a session. */
export const FrozenPlan = z.object({
  planId: Id,
  versionId: Id,
  name: z.string(),
  version: z.number().int().positive(),
  cases: z.array(TestCase).min(1),
})
export type FrozenPlan = z.infer<typeof FrozenPlan>

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'Expected a SHA-256 as 64 lowercase hex digits.')

/**
 * The plan a session ran, by reference: its name and version, how many cases,
 * and the id of the frozen copy of its cases (the SHA-256 of that copy, so one
 * copy serves every session that ran exactly those cases, and a copy can never
 * be mistaken for another).
 */
export const PlanRef = FrozenPlan.omit({ cases: true }).extend({
  caseCount: z.number().int().positive(),
  frozenId: Sha256Hex,
})
export type PlanRef = z.infer<typeof PlanRef>

/** The tested unit as it was when the session started: later edits of the unit never change what a session ran on. */
export const UnitAsTested = z.object({
  serialNumber: z.string(),
  firmware: z.string(),
  hardwareRevision: z.string(),
})
export type UnitAsTested = z.infer<typeof UnitAsTested>

/** A certification run: which unit of which product, which plan, who, where, and how far it got. */
export const Session = z
  .object({
    id: Id,
    productId: z.string().min(1, 'Choose the product under test.'),
    unitId: z.string().min(1, 'Choose the unit that is tested: every session names its physical sample.'),
    unitAsTested: UnitAsTested,
    plan: FrozenPlan,
    testerId: z.string().min(1, 'Choose the tester.'),
    /** The tester's name when the session started, kept if the person later leaves the lab profile. */
    testerName: z.string(),
    region: Region,
    marketplaces: z.array(MarketplaceCode).min(1, 'Choose at least one marketplace in scope.'),
    state: SessionState,
    outcome: SessionOutcome.nullable(),
    startedAt: Instant.nullable(),
    completedAt: Instant.nullable(),
    /** Who completed or closed it (sessions completed before this was kept have none). */
    completedBy: z.object({ id: z.string().min(1), name: z.string() }).optional(),
    /** Why it was closed as incomplete or abandoned. */
    closeReason: z.string().trim().max(2000, 'A reason can be at most 2,000 characters.').optional(),
    /** The session whose failed and blocked cases this one runs again. */
    rerunOf: Id.optional(),
    /**
     * How many cases have a deciding verdict, kept with each result's write so lists
     * need not read results (sessions stored before it was kept have none).
     */
    decided: z.number().int().nonnegative().optional(),
    /** When a result of the session last changed (none before the first, or before it was kept). */
    lastActivityAt: Instant.optional(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .superRefine((session, ctx) => {
    if (
      (session.state === 'completed' || session.state === 'signed') &&
      (session.outcome === null || session.completedAt === null)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['outcome'],
        message: 'A completed session records its outcome and when it completed.',
      })
    }
    const closing = (closingOutcomes as readonly string[]).includes(session.outcome ?? '')
    if (closing && (session.closeReason ?? '').trim() === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['closeReason'],
        message: 'Say why the session ends before every required case is decided.',
      })
    }
  })
export type Session = z.infer<typeof Session>

/** A session without the cases it copied: what is stored in its row and what lists read. */
export type SessionSummary = Omit<Session, 'plan'> & { readonly plan: PlanRef }

const utf8 = new TextEncoder()

/** The id of a frozen plan copy: the SHA-256 of its canonical JSON, so equal copies share one id and no two differ. */
export const frozenPlanId = (plan: FrozenPlan): string => sha256Hex(utf8.encode(canonicalJson(plan)))

/** A session split into its row and its frozen plan, as storage keeps them. */
export function splitSession(session: Session): {
  readonly summary: SessionSummary
  readonly frozen: FrozenPlan & { readonly id: string }
} {
  const { cases, ...plan } = session.plan
  const id = frozenPlanId(session.plan)
  return {
    summary: { ...session, plan: { ...plan, caseCount: cases.length, frozenId: id } },
    frozen: { ...session.plan, id },
  }
}

/** The whole session again, from its row and the frozen plan it names. */
export function joinSession(summary: SessionSummary, frozen: FrozenPlan): Session {
  const { caseCount: _count, frozenId: _id, ...plan } = summary.plan
  return { ...summary, plan: { ...plan, cases: frozen.cases } }
}
