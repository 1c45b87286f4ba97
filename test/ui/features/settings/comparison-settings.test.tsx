import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ServicesProvider } from '../../../../renderer/app/services-context'
import { createWorkingAsStore } from '../../../../renderer/app/working-as-store'
import { ComparisonSettingsForm } from '../../../../renderer/features/settings/ComparisonSettingsForm'
import { createRepositories } from '../../../../renderer/storage/repositories'
import { freshLabDb } from '../../../helpers/lab-db'
import { valueOf } from '../../../helpers/outcome'
import { cancellingLab } from '../../../helpers/render-app'

async function renderForm(withProfile: boolean) {
  const db = freshLabDb()
  const workingAs = createWorkingAsStore()
  const repos = createRepositories(db, {
    probeImage: () => Promise.reject(new Error('no image decoding in happy-dom')),
    actor: workingAs.current,
  })
  if (withProfile)
    valueOf(
      await repos.profile.save({ id: 'lab', name: 'Lab Nord', people: [], updatedAt: '2026-03-01T09:00:00.000Z' }),
    )
  render(
    <ServicesProvider services={{ repos, workingAs, lab: cancellingLab, persistence: 'not-persisted' }}>
      <ComparisonSettingsForm />
    </ServicesProvider>,
  )
  return { repos, db }
}

describe('Settings → Listing comparison', () => {
  it('shows the defaults, refuses a value out of range, and saves the thresholds with one click', async () => {
    const user = userEvent.setup()
    const { repos } = await renderForm(true)
    const stale = await screen.findByRole('textbox', { name: 'Snapshot stale after (days)' })
    expect(stale).toHaveValue('30')
    expect(stale).toHaveAccessibleDescription(/30 unless changed\.$/)
    const save = screen.getByRole('button', { name: 'Save thresholds' })
    expect(save).toBeDisabled()

    await user.clear(stale)
    await user.type(stale, '0')
    expect(stale).toBeInvalid()
    expect(stale).toHaveAccessibleDescription(/^Out of range: From 1 to 3,650\./)
    expect(save).toBeDisabled()
    await user.clear(stale)
    await user.type(stale, '7')
    const brand = screen.getByRole('textbox', { name: 'Brand: similarity that needs review' })
    await user.clear(brand)
    await user.type(brand, '0,9')
    await user.click(save)
    expect(await screen.findByText('Saved: every review now compares with these thresholds.')).toBeInTheDocument()
    expect(await repos.profile.comparisonSettings()).toMatchObject({ staleAfterDays: 7, brandReviewSimilarity: 0.9 })

    await user.click(screen.getByRole('button', { name: 'Restore the defaults' }))
    expect(await screen.findByText('The defaults apply again.')).toBeInTheDocument()
    expect(await screen.findByRole('textbox', { name: 'Snapshot stale after (days)' })).toHaveValue('30')
  })

  it('says the lab profile must exist first, and saves nothing before', async () => {
    await renderForm(false)
    expect(await screen.findByText(/set up the lab profile/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Save thresholds' })).toBeDisabled()
  })
})
