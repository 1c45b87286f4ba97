import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { freshLabDb } from '../../../helpers/lab-db'
import { aCase, aPlanVersion } from '../../../helpers/records'
import { putPlanVersions } from '../../../helpers/stored-rows'
import { dates } from '../../../../renderer/app/lab-dates'
import { renderApp } from '../../../helpers/render-app'

describe('test plans list', () => {
  it('says how to start when there is no plan yet, and offers both ways to make one', async () => {
    renderApp('#/plans')
    expect(await screen.findByText(/No test plans yet/)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'New plan' })).toHaveAttribute('href', '#/plans/new')
    expect(screen.getByRole('link', { name: 'Import plan…' })).toHaveAttribute('href', '#/plans/import')
  })

  it('lists each plan once, by its latest version, with its case count and source', async () => {
    const db = freshLabDb()
    await putPlanVersions(db, [
      aPlanVersion(),
      aPlanVersion({
        id: 'v-2',
        version: 2,
        cases: [aCase('TC-1'), aCase('TC-2')],
        source: { kind: 'xlsx', fileName: 'plug-plan.xlsx', sha256: 'a'.repeat(64) },
        updatedAt: '2026-11-21T09:00:00.000Z',
      }),
    ])
    renderApp('#/plans', { db })
    const table = await screen.findByRole('table', { name: 'Test plans' })
    const link = await within(table).findByRole('link', { name: 'WWA smart plug' })
    expect(link).toHaveAttribute('href', '#/plans/v-2')
    const row = link.closest('tr')
    expect(row).not.toBeNull()
    expect(
      within(row as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      'WWA smart plug',
      '2',
      '2',
      'Imported from plug-plan.xlsx',
      // Shown in the lab's date format (the one date format of every screen); stored as ISO.
      dates.day('2026-11-21T09:00:00.000Z'),
    ])
  })
})
