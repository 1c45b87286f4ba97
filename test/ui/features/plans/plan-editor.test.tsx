import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { freshLabDb } from '../../../helpers/lab-db'
import { aCase, aPlanVersion, aSession } from '../../../helpers/records'
import { putSessions, putPlanVersions } from '../../../helpers/stored-rows'
import { renderApp } from '../../../helpers/render-app'

const grid = () => screen.getByRole('grid', { name: 'Cases' })
/** A cell by its column header and text, as a screen reader names it ("Title Case TC-1"). */
const cell = (name: string) => within(grid()).getByRole('gridcell', { name })
const row = (n: number) => grid().querySelector<HTMLElement>(`[role="row"][aria-rowindex="${n + 1}"]`) as HTMLElement

describe('plan editor', () => {
  it('saves a plan as it is typed in the grid, and gives it its own address', async () => {
    const user = userEvent.setup()
    const { db } = renderApp('#/plans/new')
    await user.type(await screen.findByRole('textbox', { name: 'Plan name' }), 'Smart plug basics')
    await user.click(cell('Title'))
    await user.keyboard('Discovers the plug{Tab}{Tab}{Tab}')
    expect(document.activeElement).toBe(cell('Expected result'))
    await user.keyboard('{Enter}The plug appears in the Alexa app.{Enter}')
    await waitFor(async () =>
      expect((await db.planVersions.toArray())[0]?.cases[0]?.expected).toBe('The plug appears in the Alexa app.'),
    )
    const [stored] = await db.planVersions.toArray()
    expect(stored).toMatchObject({ name: 'Smart plug basics', version: 1, source: { kind: 'typed' } })
    expect(stored?.cases).toEqual([
      {
        caseId: 'TC-001',
        title: 'Discovers the plug',
        category: '',
        steps: '',
        expected: 'The plug appears in the Alexa app.',
        required: true,
      },
    ])
    expect(window.location.hash).toBe(`#/plans/${stored?.id}`)
    await screen.findByText('All changes saved.')
  })

  it('shows an archived plan as kept, and after Restore edits it as stored, never the copy it held before', async () => {
    const user = userEvent.setup()
    const db = freshLabDb()
    await putPlanVersions(db, [aPlanVersion({ name: 'Plan A', cases: [aCase('TC-1')] })])
    renderApp('#/plans/v-1', { db })
    const name = await screen.findByRole('textbox', { name: 'Plan name' })
    await user.clear(name)
    await user.type(name, 'Plan B')
    await user.tab()
    await waitFor(async () => expect((await db.planVersions.get('v-1'))?.name).toBe('Plan B'))
    await user.click(screen.getByRole('button', { name: 'Archive test plan' }))
    await screen.findByText('This test plan is archived, so it is shown as kept. Restore it to change it.')
    expect(screen.queryByRole('grid', { name: 'Cases' })).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Restore test plan' }))
    expect(await screen.findByRole('textbox', { name: 'Plan name' })).toHaveValue('Plan B')
    await waitFor(() => expect(screen.getByRole('button', { name: 'Archive test plan' })).toHaveFocus())
    await user.type(screen.getByRole('textbox', { name: 'Plan name' }), '!')
    await user.tab()
    await waitFor(async () => expect((await db.planVersions.get('v-1'))?.name).toBe('Plan B!'))
  })

  it('adds cases with the next ID and the cursor in the title, toggles Required, deletes and undoes a delete', async () => {
    const user = userEvent.setup()
    const db = freshLabDb()
    await putPlanVersions(db, [aPlanVersion({ cases: [aCase('TC-1'), aCase('TC-2')] })])
    renderApp('#/plans/v-1', { db })
    await user.click(await screen.findByRole('button', { name: 'Add case' }))
    expect(screen.getByRole('textbox', { name: 'Title, case 3' })).toHaveFocus()
    await user.keyboard('Reports power{Enter}')
    expect(cell('ID TC-3')).toBeInTheDocument()
    await user.click(within(row(3)).getByRole('checkbox', { name: 'Required, case 3' }))
    await user.click(screen.getByRole('button', { name: 'Delete case 2 (TC-2)' }))
    expect(screen.getByText('Deleted case 2 (TC-2: Case TC-2).')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Undo' }))
    await user.click(screen.getByRole('button', { name: 'Delete case 1 (TC-1)' }))
    await waitFor(async () =>
      expect((await db.planVersions.get('v-1'))?.cases.map((c) => c.caseId)).toEqual(['TC-2', 'TC-3']),
    )
    expect((await db.planVersions.get('v-1'))?.cases[1]).toMatchObject({ title: 'Reports power', required: false })
  })

  it('names a duplicate case ID in its cell, undoes an edit with Escape, and stores nothing invalid', async () => {
    const user = userEvent.setup()
    const db = freshLabDb()
    await putPlanVersions(db, [aPlanVersion()])
    renderApp('#/plans/v-1', { db })
    await user.click(await screen.findByRole('gridcell', { name: 'ID TC-3' }))
    await user.keyboard('TC-1{Enter}')
    const duplicate = within(row(3)).getByRole('gridcell', { name: /^ID TC-1/ })
    expect(duplicate).toHaveAttribute('aria-invalid', 'true')
    expect(duplicate).toHaveAccessibleName(
      'ID TC-1 Case ID TC-1 is already used by case 1; case IDs must be unique in a plan.',
    )
    await user.click(cell('Title Case TC-2'))
    await user.keyboard('{Enter} later{Escape}')
    expect(cell('Title Case TC-2')).toHaveFocus()
    await user.keyboard('{Delete}')
    expect(within(row(2)).getByText('Title is required.')).toBeInTheDocument()
    expect(screen.getByText(/2 cases need attention/)).toBeInTheDocument()
    await new Promise((r) => setTimeout(r, 400))
    expect((await db.planVersions.get('v-1'))?.cases.map((c) => c.caseId)).toEqual(['TC-1', 'TC-2', 'TC-3'])
    expect((await db.planVersions.get('v-1'))?.cases[1]?.title).toBe('Case TC-2')
    expect(screen.getByText(/Not saved yet/)).toBeInTheDocument()
  })

  it('saves an edit of a version a session ran as the next version, says so, and keeps editing there', async () => {
    const user = userEvent.setup()
    const db = freshLabDb()
    await putPlanVersions(db, [aPlanVersion()])
    await putSessions(db, [aSession()])
    renderApp('#/plans/v-1', { db })
    expect(await screen.findByText(/A session has run version 1/)).toBeInTheDocument()

    await user.click(cell('Title Case TC-1'))
    await user.keyboard('{F2} now{Enter}')
    expect(
      await screen.findByText('Version 1 was used by a session, so your edit is saved as version 2.', { exact: false }),
    ).toBeInTheDocument()
    await user.click(within(row(1)).getByRole('gridcell', { name: /^Title/ }))
    await user.keyboard('{F2} and later{Enter}')
    await waitFor(async () =>
      expect((await db.planVersions.toArray()).find((v) => v.version === 2)?.cases[0]?.title).toBe(
        'Case TC-1 now and later',
      ),
    )

    const versions = await db.planVersions.toArray()
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2])
    expect((await db.planVersions.get('v-1'))?.cases[0]?.title).toBe('Case TC-1')
    const v2 = versions.find((v) => v.version === 2)
    expect(window.location.hash).toBe(`#/plans/${v2?.id}`)
    expect(screen.getByText(/Version 2 · 3 cases/)).toBeInTheDocument()
    const history = screen.getByRole('region', { name: 'Version history' })
    expect(within(history).getByRole('link', { name: 'Version 1' })).toHaveAttribute('href', '#/plans/v-1')
    expect(within(history).getByText(/run by a session/)).toBeInTheDocument()
  })

  it('an edited version says it was edited from the version a session ran, by whom and when, and keeps the file’s other columns', async () => {
    const user = userEvent.setup()
    const db = freshLabDb()
    const kept = [
      { column: 'Notes', value: 'Check twice' },
      { column: 'Priority', value: 'High' },
    ]
    await putPlanVersions(db, [
      aPlanVersion({
        source: { kind: 'xlsx', fileName: 'plug plan.xlsx', sha256: null },
        cases: [aCase('TC-1', { extra: kept }), aCase('TC-2')],
      }),
    ])
    await putSessions(db, [aSession()])
    renderApp('#/plans/v-1', { db })
    expect(await screen.findByText('Version 1 · 2 cases · Imported from plug plan.xlsx')).toBeInTheDocument()
    expect(
      within(grid())
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(expect.arrayContaining(['Notes', 'Priority']))
    expect(cell('Notes Check twice')).toHaveAttribute('aria-readonly', 'true')
    expect(cell('Priority High')).toBeInTheDocument()
    expect(
      within(row(2))
        .getAllByRole('gridcell', { name: /^(Notes|Priority)/ })
        .map((c) => c.textContent),
    ).toEqual(['', ''])

    await user.click(cell('Title Case TC-1'))
    await user.keyboard('{F2} now{Enter}')
    expect(
      await screen.findByText(/^Version 2 · 2 cases · Edited from version 1 by This workstation, /),
    ).toBeInTheDocument()
    await user.click(within(row(1)).getByRole('gridcell', { name: /^Title/ }))
    await user.keyboard('{F2} again{Enter}')
    await waitFor(async () =>
      expect((await db.planVersions.toArray()).find((v) => v.version === 2)?.cases[0]?.title).toBe(
        'Case TC-1 now again',
      ),
    )
    const v2 = (await db.planVersions.toArray()).find((v) => v.version === 2)
    // Later saves onto version 2 keep its own account of where it came from, not the draft's.
    expect(v2?.source).toMatchObject({
      kind: 'xlsx',
      fileName: 'plug plan.xlsx',
      editedFrom: { versionId: 'v-1', version: 1, by: { id: 'workstation', name: 'This workstation' } },
    })
    expect(v2?.cases[0]?.extra).toEqual(kept)
    const history = screen.getByRole('region', { name: 'Version history' })
    expect(within(history).getByText(/Edited from version 1 by This workstation/)).toBeInTheDocument()
    // Version 1 still says where it came from.
    expect(within(history).getByText(/Imported from plug plan\.xlsx/)).toBeInTheDocument()
  })

  it('shows an earlier version as it was kept, with the way to the latest', async () => {
    const db = freshLabDb()
    await putPlanVersions(db, [aPlanVersion(), aPlanVersion({ id: 'v-2', version: 2 })])
    renderApp('#/plans/v-1', { db })
    expect(await screen.findByText(/This is an earlier version, kept exactly as it was/)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'version 2' })).toHaveAttribute('href', '#/plans/v-2')
    expect(within(screen.getByRole('table', { name: 'Cases' })).getAllByRole('row')).toHaveLength(4)
    expect(screen.queryByRole('textbox', { name: 'Plan name' })).not.toBeInTheDocument()
  })

  it('finds a case by its ID in a long plan, and points to problems wherever they are', async () => {
    const user = userEvent.setup()
    const db = freshLabDb()
    const cases = Array.from({ length: 120 }, (_, i) => aCase(`TC-${i + 1}`))
    await putPlanVersions(db, [aPlanVersion({ cases })])
    renderApp('#/plans/v-1', { db })
    await user.type(await screen.findByRole('searchbox', { name: 'Find a case' }), 'tc-100{Enter}')
    expect(cell('ID TC-100')).toHaveFocus()
    expect(screen.getByText('Case 100: TC-100.')).toBeInTheDocument()
    await user.keyboard('{ArrowRight}{Delete}')
    await user.click(screen.getByRole('searchbox', { name: 'Find a case' }))
    await user.click(screen.getByRole('button', { name: 'Go to case 100 (TC-100)' }))
    expect(within(row(100)).getByRole('gridcell', { name: /^Title/ })).toHaveFocus()
    expect(within(row(100)).getByText('Title is required.')).toBeInTheDocument()
  })
})
