import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { freshLabDb } from '../../../helpers/lab-db'
import { aProduct, aSession, aUnit } from '../../../helpers/records'
import { putSessions } from '../../../helpers/stored-rows'
import { renderApp } from '../../../helpers/render-app'

describe('sessions list', () => {
  it('filters by product, state and start date', async () => {
    const db = freshLabDb()
    await db.products.bulkPut([aProduct(), aProduct({ id: 'p-2', brand: 'Zeta', modelNumber: 'Z-9' })])
    await db.units.bulkPut([aUnit(), aUnit({ id: 'u-2', productId: 'p-2', serialNumber: 'Z-SN' })])
    await putSessions(db, [
      aSession({
        id: 'a',
        state: 'running',
        startedAt: '2026-11-02T09:00:00.000Z',
        decided: 2,
        lastActivityAt: '2026-11-03T14:30:00.000Z',
      }),
      aSession({
        id: 'b',
        productId: 'p-2',
        unitId: 'u-2',
        unitAsTested: { serialNumber: 'Z-SN', firmware: '9', hardwareRevision: '' },
        state: 'completed',
        outcome: 'failed',
        startedAt: '2026-11-10T09:00:00.000Z',
        completedAt: '2026-11-10T12:00:00.000Z',
      }),
      aSession({
        id: 'c',
        state: 'completed',
        outcome: 'passed',
        startedAt: '2026-11-20T09:00:00.000Z',
        completedAt: '2026-11-20T12:00:00.000Z',
      }),
    ])
    await db.results.bulkPut(
      (['passed', 'blocked'] as const).map((verdict, i) => ({
        sessionId: 'b',
        caseId: `TC-${i + 1}`,
        verdict,
        notes: '',
        evidenceIds: [],
        updatedAt: '2026-11-10T11:00:00.000Z',
        updatedBy: 'jd',
        planId: 'plan-1',
      })),
    )
    const user = userEvent.setup()
    renderApp('#/sessions', { db })
    const table = await screen.findByRole('table', { name: 'Sessions' })
    const units = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) => within(r).getAllByRole('cell')[1]?.textContent)
    await within(table).findAllByRole('link', { name: 'Acme AC-100 · SN-0001 · WWA smart plug v1' })
    expect(units()).toHaveLength(3)
    // Region, progress and last activity come from the session's row; a row stored before progress was kept says so.
    const header = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent?.replace(/[▲▼]/g, '').trim())
    const cellOf = (row: HTMLElement, name: string) =>
      within(row).getAllByRole('cell')[header.indexOf(name)]?.textContent
    const rowA = within(table)
      .getAllByRole('row')
      .find((r) => r.querySelector('a[href="#/sessions/a"]'))
    if (!rowA) throw new Error('no row for session a')
    expect(cellOf(rowA, 'Region')).toBe('North America')
    expect(cellOf(rowA, 'Progress')).toBe('2 / 3')
    expect(cellOf(rowA, 'Last activity')).toContain('11/03/2026')
    // A session stored before progress was kept is counted once from its results, in the background, as it is listed.
    const progressOfB = () =>
      cellOf(
        within(table)
          .getAllByRole('row')
          .find((r) => r.querySelector('a[href="#/sessions/b"]')) ?? table,
        'Progress',
      )
    await waitFor(() => expect(progressOfB()).toBe('1 / 3'))
    expect((await db.sessions.get('b'))?.decided).toBe(1)

    const filters = screen.getByRole('group', { name: 'Filter sessions' })
    await user.selectOptions(within(filters).getByRole('combobox', { name: 'State' }), 'Completed')
    expect(units()).toEqual(expect.arrayContaining(['Z-SN', 'SN-0001']))
    expect(units()).toHaveLength(2)
    await user.selectOptions(within(filters).getByRole('combobox', { name: 'Product' }), 'Zeta Z-9')
    expect(units()).toEqual(['Z-SN'])
    await user.selectOptions(within(filters).getByRole('combobox', { name: 'Product' }), 'All products')
    await user.type(within(filters).getByLabelText('Started from'), '2026-11-15')
    expect(units()).toEqual(['SN-0001'])
  })

  it('shows the newest sessions first, then reads them all for sorting and filtering', async () => {
    const db = freshLabDb()
    await db.products.put(aProduct())
    await db.units.put(aUnit())
    const minute = (i: number) => new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString()
    await putSessions(
      db,
      Array.from({ length: 130 }, (_, i) =>
        aSession({
          id: `s-${i}`,
          unitAsTested: { serialNumber: `SN-${i}`, firmware: '1', hardwareRevision: '' },
          updatedAt: minute(i),
        }),
      ),
    )
    renderApp('#/sessions', { db })
    const table = await screen.findByRole('table', { name: 'Sessions' })
    expect(await screen.findByText('130 shown')).toBeInTheDocument()
    expect(screen.queryByText(/the rest are being read/)).not.toBeInTheDocument()
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('SN-129')
    expect(screen.getByText('Rows 1–100 of 130')).toBeInTheDocument()
  })
})
