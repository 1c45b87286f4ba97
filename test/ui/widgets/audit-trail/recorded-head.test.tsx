import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import type { RecordedHead } from '../../../../core/audit/chain-check'
import { createRepositories } from '../../../../renderer/storage/repositories'
import { RecordedHeadContext } from '../../../../renderer/widgets/audit-trail/recorded-head'
import { freshLabDb } from '../../../helpers/lab-db'
import { aProduct, aUnit } from '../../../helpers/records'
import { renderApp } from '../../../helpers/render-app'

const probeImage = () => Promise.reject(new Error('not used'))

const withHead =
  (head: () => RecordedHead | null) =>
  ({ children }: { children: ReactNode }) => (
    <RecordedHeadContext.Provider value={head}>{children}</RecordedHeadContext.Provider>
  )

/** A product and 29 units: a trail of 30 entries. */
async function productWithUnits() {
  const db = freshLabDb()
  const repos = createRepositories(db, { probeImage })
  await repos.products.save(aProduct())
  await repos.units.saveMany(Array.from({ length: 29 }, (_, i) => aUnit({ id: `u-${i}`, serialNumber: `SN-${i}` })))
  const newest = (await db.audit.orderBy('seq').last())!
  return { db, newest }
}

describe('the audit view checks the trail against the head main recorded', () => {
  it('says a trail whose newest entries were removed is not intact, though what is left verifies', async () => {
    const user = userEvent.setup()
    const { db, newest } = await productWithUnits()
    const recorded = { seq: newest.seq, hash: newest.hash }
    // The newest 24 entries are gone, as a torn tail leaves the trail: the rest still chains perfectly.
    await db.audit.where('seq').above(6).delete()

    renderApp('#/products/p-1', { db, wrapper: withHead(() => recorded) })
    await user.click(await screen.findByText('Audit trail of this product, its units and sessions'))

    const verdict = await screen.findByText(/^Not intact:/)
    expect(verdict).toHaveTextContent(
      'Not intact: The newest 24 entries are missing: the last recorded entry was #30. Entries from 7 on cannot be trusted.',
    )
  })

  it('says so when the entry at the recorded head is another one', async () => {
    const user = userEvent.setup()
    const { db, newest } = await productWithUnits()
    renderApp('#/products/p-1', { db, wrapper: withHead(() => ({ seq: newest.seq, hash: 'e'.repeat(64) })) })
    await user.click(await screen.findByText('Audit trail of this product, its units and sessions'))

    expect(await screen.findByText(/^Not intact:/)).toHaveTextContent(
      `Not intact: Entry 30 is not the one last recorded: its hash is ${newest.hash.slice(0, 8)}…, the recorded one eeeeeeee….`,
    )
  })

  it('is intact when the trail reaches the recorded head, or goes past it', async () => {
    const user = userEvent.setup()
    const { db } = await productWithUnits()
    const at20 = (await db.audit.get(20))!
    renderApp('#/products/p-1', { db, wrapper: withHead(() => ({ seq: 20, hash: at20.hash })) })
    await user.click(await screen.findByText('Audit trail of this product, its units and sessions'))

    expect(await screen.findByText('Intact: all 30 entries of the audit trail verify.')).toBeInTheDocument()
  })
})
