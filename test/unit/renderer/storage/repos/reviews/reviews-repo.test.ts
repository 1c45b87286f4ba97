import { describe, expect, it } from 'vitest'
import { valueOf, problemOf } from '../../../../../helpers/outcomes'
import { readinessOf } from '../../../../../../core/rules/comparison/readiness'
import type { DecisionInput } from '../../../../../../renderer/storage/repos/reviews/reviews-repo'
import { auditedRepos } from '../../../../../helpers/audited-repos'
import { aListing } from '../../../../../helpers/listing-snapshots'
import { aProduct } from '../../../../../helpers/records'
import { finding } from '../../../../../../core/rules/comparison/finding'

async function reviewed() {
  const setup = auditedRepos()
  await setup.repos.products.save(aProduct())
  const { id: _id, capturedAt: _at, capturedBy: _by, ...fields } = aListing({ brand: 'ACME Inc' })
  const snapshot = valueOf(await setup.repos.listings.capture(fields))
  const decision = (over: Partial<DecisionInput> = {}): DecisionInput => ({
    productId: 'p-1',
    asin: 'B0ABCDEF12',
    marketplace: 'US',
    snapshotId: snapshot.id,
    check: 'brand',
    decision: 'accept',
    note: '',
    finding: { outcome: 'needs-review', reason: 'The brands are close: 0.87.' },
    ...over,
  })
  return { ...setup, snapshot, decision }
}

describe('review decisions', () => {
  it('are kept with the finding the reviewer saw, by whoever works, audited under the product and snapshot', async () => {
    const { db, repos, snapshot, decision } = await reviewed()
    const stored = valueOf(await repos.reviews.decide(decision()))
    expect(stored).toMatchObject({
      check: 'brand',
      decision: 'accept',
      finding: { outcome: 'needs-review' },
      decidedBy: { id: 'jd', name: 'Jo Doe' },
    })
    const entry = await db.audit.orderBy('seq').last()
    expect(entry?.entity).toEqual({ kind: 'review-decision', id: stored.id, label: 'Review of Brand, B0ABCDEF12 (US)' })
    expect(entry?.subjects).toEqual([`review-decision:${stored.id}`, 'product:p-1', `listing-snapshot:${snapshot.id}`])
  })

  it('keep every decision, oldest first, and the latest on the snapshot is what readiness reads', async () => {
    const { repos, snapshot, decision } = await reviewed()
    valueOf(await repos.reviews.decide(decision({ decision: 'needs-information', note: 'Ask for the rating label.' })))
    valueOf(await repos.reviews.decide(decision()))
    const decisions = await repos.reviews.decisionsOn('p-1', 'B0ABCDEF12', 'US')
    expect(decisions.map((d) => d.decision)).toEqual(['needs-information', 'accept'])
    const findings = [finding('brand', 'needs-review', 'The brands are close.', [])]
    expect(readinessOf(findings, decisions, snapshot.id)).toEqual({ ready: true, accepted: ['brand'] })
    expect(await repos.reviews.all()).toHaveLength(2)
  })

  it('ask for a note on a rejection or a question, and refuse a snapshot of another listing or a product not listing it', async () => {
    const { db, repos, decision } = await reviewed()
    expect(problemOf(await repos.reviews.decide(decision({ decision: 'reject' })))).toMatchObject({
      code: 'invalid',
      field: 'note',
      message: 'Say why the check is rejected: the note goes into the audit trail and the packet.',
    })
    expect(problemOf(await repos.reviews.decide(decision({ marketplace: 'DE', asin: 'B0ABCDEF34' })))).toEqual({
      code: 'not-found',
      message: 'The snapshot decided on is not of B0ABCDEF34 in DE.',
    })
    expect(problemOf(await repos.reviews.decide(decision({ marketplace: 'UK' })))).toEqual({
      code: 'not-allowed',
      message: 'Acme AC-100 no longer lists B0ABCDEF12 in UK.',
    })
    await repos.products.archive('p-1')
    expect(problemOf(await repos.reviews.decide(decision()))).toMatchObject({ code: 'not-allowed' })
    expect(await db.reviewDecisions.count()).toBe(0)
  })
})
