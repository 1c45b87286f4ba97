import { entityLabel } from '../../../../core/model/entity'
import { ReviewDecision } from '../../../../core/model/review-decision'
import type { Outcome } from '../../../../core/outcome'
import { auditChange, changeOf, type AuditContext } from '../../audit-log'
import type { LabDb } from '../../lab-db'
import { attempt, refuse, validate } from '../../storage-problems'
import { refuseIfArchived } from '../record-repo'

/** What the reviewer decides; who decided and when are filled in. */
export type DecisionInput = Omit<ReviewDecision, 'id' | 'decidedAt' | 'decidedBy'>

export type ReviewsRepo = {
  /**
   * Records a reviewer's decision on one check, made now by whoever is working;
   * audited under the product and the snapshot. Refused when the note is missing
   * for a rejection or a question, the snapshot is not of that ASIN and
   * marketplace, or the product does not list the ASIN there or is archived.
   */
  decide(decision: DecisionInput): Promise<Outcome<ReviewDecision>>
  /** Every decision on one ASIN in one marketplace of a product, oldest first: the latest on a snapshot counts. */
  decisionsOn(productId: string, asin: string, marketplace: string): Promise<ReviewDecision[]>
  /** Every decision, oldest first, as the readiness matrix reads them. */
  all(): Promise<ReviewDecision[]>
}

const byTime = (a: ReviewDecision, b: ReviewDecision) => a.decidedAt.localeCompare(b.decidedAt)

export function createReviewsRepo(db: LabDb, audit: AuditContext): ReviewsRepo {
  return {
    decide(input) {
      const actor = audit.actor()
      const valid = validate(ReviewDecision, {
        ...input,
        id: crypto.randomUUID(),
        decidedAt: audit.now().toISOString(),
        decidedBy: { id: actor.id, name: actor.name },
      })
      if (!valid.ok) return Promise.resolve(valid)
      const decision = valid.value
      return attempt(() =>
        db.transaction('rw', [db.reviewDecisions, db.listingSnapshots, db.products, db.audit], async () => {
          const product = await db.products.get(decision.productId)
          if (product === undefined) throw refuse('not-found', 'This product does not exist any more.')
          refuseIfArchived(product, () => entityLabel('product', product))
          const listed = product.asins.some((a) => a.asin === decision.asin && a.marketplace === decision.marketplace)
          if (!listed)
            throw refuse(
              'not-allowed',
              `${entityLabel('product', product)} no longer lists ${decision.asin} in ${decision.marketplace}.`,
            )
          const snapshot = await db.listingSnapshots.get(decision.snapshotId)
          if (snapshot?.asin !== decision.asin || snapshot.marketplace !== decision.marketplace)
            throw refuse('not-found', `The snapshot decided on is not of ${decision.asin} in ${decision.marketplace}.`)
          await db.reviewDecisions.add(decision)
          await auditChange(db, audit, changeOf('review-decision', decision.id, decision, undefined, decision))
          return decision
        }),
      )
    },
    decisionsOn: async (productId, asin, marketplace) =>
      (
        await db.reviewDecisions.where('[productId+asin+marketplace]').equals([productId, asin, marketplace]).toArray()
      ).sort(byTime),
    all: async () => db.reviewDecisions.orderBy('decidedAt').toArray(),
  }
}
