import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ServicesProvider } from '../../../../renderer/app/services-context'
import { createWorkingAsStore } from '../../../../renderer/app/working-as-store'
import { PlanImportSettings } from '../../../../renderer/features/settings/PlanImportSettings'
import type { LabDb } from '../../../../renderer/storage/lab-db'
import { createRepositories } from '../../../../renderer/storage/repositories'
import { freshLabDb } from '../../../helpers/lab-db'
import { cancellingLab } from '../../../helpers/render-app'

/** The section on its own, over a database: the rest of the Settings page is other features' to test. */
function renderSettings(db: LabDb = freshLabDb()) {
  const workingAs = createWorkingAsStore()
  const repos = createRepositories(db, {
    probeImage: () => Promise.reject(new Error('no image decoding in happy-dom')),
    actor: workingAs.current,
  })
  render(
    <ServicesProvider services={{ repos, workingAs, lab: cancellingLab, persistence: 'not-persisted' }}>
      <PlanImportSettings />
    </ServicesProvider>,
  )
  return { db }
}

describe('Settings → Plan import', () => {
  it('shows the column cap, saves a valid value as it is typed, and refuses one outside the range', async () => {
    const user = userEvent.setup()
    const { db } = renderSettings()
    expect(screen.getByRole('heading', { name: 'Plan import' })).toBeInTheDocument()
    const cap = await screen.findByRole('textbox', { name: 'Most columns in a plan file' })
    expect(cap).toHaveValue('200')
    expect(cap).toHaveAccessibleDescription(/A plan file with more columns is refused when it is imported/)

    await user.clear(cap)
    await user.type(cap, '1000')
    expect(await screen.findByText('Saved: plan files may have up to 1,000 columns.')).toBeInTheDocument()
    await waitFor(async () => expect((await db.settings.get('planImport.maxColumns'))?.value).toBe(1000))

    await user.clear(cap)
    await user.type(cap, '99999')
    expect(cap).toHaveAccessibleDescription('99,999 is outside the range: enter a number from 2 to 16,384.')
    expect(cap).toBeInvalid()
    expect(screen.queryByText(/^Saved:/)).toBeNull()
    // 9, 99, 999 and 9999 were valid on the way and saved; the value out of range was not.
    await waitFor(async () => expect((await db.settings.get('planImport.maxColumns'))?.value).toBe(9999))
  })

  it('shows the value the lab saved before', async () => {
    const db = freshLabDb()
    await db.settings.put({ key: 'planImport.maxColumns', value: 500 })
    renderSettings(db)
    expect(await screen.findByRole('textbox', { name: 'Most columns in a plan file' })).toHaveValue('500')
  })
})
