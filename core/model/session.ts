import { z } from 'zod'
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

export const SessionOutcome = z.enum(['passed', 'failed'])
export type SessionOutcome = z.infer<typeof SessionOutcome>

/** The plan version a session ran, copied into it: later edits of the plan never change a session. */
export const FrozenPlan = z.object({
  planId: Id,
  versionId: Id,
  name: z.string(),
  version: z.number().int().positive(),
  cases: z.array(TestCase).min(1),
})
export type FrozenPlan = z.infer<typeof FrozenPlan>

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
    createdAt: Instant,
    updatedAt: Instant,
  })
  .superRefine((session, ctx) => {
    if ((session.state === 'completed' || session.state === 'signed') && (session.outcome === null || session.completedAt === null)) {
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'A completed session records its outcome and when it completed.' })
    }
  })
export type Session = z.infer<typeof Session>
