import { z } from 'zod'
import { checkAsin } from '../rules/asin'
import { checkIds, outcomes } from '../rules/comparison/finding'
import { CapturedBy } from './listing-snapshot'
import { checkedText, Id, Instant, optionalText } from './fields'
import { MarketplaceCode } from './marketplace'

/** What a reviewer can decide on one check (SPEC §3 review decision). */
export const reviewVerdicts = ['accept', 'reject', 'needs-information'] as const
export const ReviewVerdict = z.enum(reviewVerdicts, { message: 'Choose accept, reject or ask for information.' })
export type ReviewVerdict = z.infer<typeof ReviewVerdict>
export const reviewVerdictLabels: Readonly<Record<ReviewVerdict, string>> = {
  accept: 'Accepted',
  reject: 'Rejected',
  'needs-information': 'Information asked for',
}

/**
 * A reviewer's decision on one check of one ASIN in one marketplace, made on one
 * listing snapshot. Never changed: a new decision is a new record, the latest on
 * a snapshot counts, and the finding the reviewer saw is kept beside it.
 */
export const ReviewDecision = z
  .object({
    id: Id,
    productId: Id,
    asin: checkedText(checkAsin),
    marketplace: MarketplaceCode,
    /** The snapshot the decision was made on: a newer snapshot re-opens the check. */
    snapshotId: Id,
    check: z.enum(checkIds),
    decision: ReviewVerdict,
    note: optionalText('Note', 2_000),
    /** The automatic finding as the reviewer saw it, and what it compared: the decision stands while both hold. */
    finding: z.object({
      outcome: z.enum(outcomes),
      reason: z.string().max(4_000),
      basis: z.string().max(200_000).optional(),
    }),
    decidedAt: Instant,
    decidedBy: CapturedBy,
  })
  .superRefine((decision, ctx) => {
    if (decision.decision !== 'accept' && decision.note.trim() === '')
      ctx.addIssue({
        code: 'custom',
        path: ['note'],
        message:
          decision.decision === 'reject'
            ? 'Say why the check is rejected: the note goes into the audit trail and the packet.'
            : 'Say what information is needed.',
      })
  })
export type ReviewDecision = z.infer<typeof ReviewDecision>
