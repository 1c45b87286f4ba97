import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { createRepositories } from '../../../../renderer/storage/repositories'
import { freshLabDb } from '../../../helpers/lab-db'
import { aProduct, aUnit } from '../../../helpers/records'
import { renderApp } from '../../../helpers/render-app'

const probeImage = () => Promise.reject(new Error('not used'))

describe('audit trail view', () => {
  it('shows the newest page first, counts the rest, and pages back through them with the chain checked', async () => {
    const user = userEvent.setup()
    const db = freshLabDb()
    const repos = createRepositories(db, { probeImage })
    await repos.products.save(aProduct())
    await repos.units.saveMany(Array.from({ length: 130 }, (_, i) => aUnit({ id: `u-${i}`, serialNumber: `SN-${i}` })))
    renderApp('#/products/p-1', { db })
    await user.click(await screen.findByText('Audit trail of this product, its units and sessions'))

    expect(await screen.findByText('The newest 100 entries of 131, newest first.')).toBeInTheDocument()
    // The chain check of 131 entries in happy-dom over fake-indexeddb takes 2 s alone and more on a loaded machine.
    expect(
      await screen.findByText('Intact: all 131 entries of the audit trail verify.', {}, { timeout: 15_000 }),
    ).toBeInTheDocument()
    const rows = () =>
      within(screen.getByRole('table', { name: 'Audit entries' }))
        .getAllByRole('row')
        .slice(1)
    expect(rows()).toHaveLength(100)
    expect(rows()[0]).toHaveTextContent('Created Unit SN-129')

    await user.click(screen.getByRole('button', { name: 'Show earlier entries' }))
    expect(await screen.findByText('131 entries, newest first.')).toBeInTheDocument()
    expect(rows()).toHaveLength(131)
    expect(rows().at(-1)).toHaveTextContent('Created Acme AC-100')
    expect(screen.queryByRole('button', { name: 'Show earlier entries' })).not.toBeInTheDocument()
  })
})
