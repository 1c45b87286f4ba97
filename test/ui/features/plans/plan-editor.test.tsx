import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { freshLabDb } from '../../../helpers/lab-db'
import { aCase, aPlanVersion, aSession } from '../../../helpers/records'
import { putSessions, putPlanVersions } from '../../../helpers/stored-rows'
import { renderApp } from '../../../helpers/render-app'

const caseRow = (n: number) => screen.getByRole('group', { name: `Case ${n}` })

describe('plan editor', () => {
  it('saves a plan as it is typed, and gives it its own address', async () => {
    const user = userEvent.setup()
    const { db } = renderApp('#/plans/new')
    await user.type(await screen.findByRole('textbox', { name: 'Plan name' }), 'Smart plug basics')
    await user.type(within(caseRow(1)).getByRole('textbox', { name: 'Title' }), 'Discovers the plug')
    await user.type(
      within(caseRow(1)).getByRole('textbox', { name: 'Expected result' }),
      'The plug appears in the Alexa app.',
    )
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
    expect(screen.getByText('All changes saved.')).toBeInTheDocument()
  })

  it('adds cases with the next ID, moves and removes them', async () => {
    const user = userEvent.setup()
    const db = freshLabDb()
    await putPlanVersions(db, [aPlanVersion({ cases: [aCase('TC-1'), aCase('TC-2')] })])
    renderApp('#/plans/v-1', { db })
    await user.click(await screen.findByRole('button', { name: 'Add case' }))
    expect(within(caseRow(3)).getByRole('textbox', { name: 'Case ID' })).toHaveValue('TC-3')
    expect(within(caseRow(3)).getByRole('textbox', { name: 'Case ID' })).toHaveFocus()
    await user.type(within(caseRow(3)).getByRole('textbox', { name: 'Title' }), 'Reports power')
    await user.click(within(caseRow(3)).getByRole('checkbox', { name: 'Required' }))
    await user.click(screen.getByRole('button', { name: 'Move case 3 up' }))
    await user.click(screen.getByRole('button', { name: 'Remove case 1 (TC-1)' }))
    await waitFor(async () =>
      expect((await db.planVersions.get('v-1'))?.cases.map((c) => c.caseId)).toEqual(['TC-3', 'TC-2']),
    )
    expect((await db.planVersions.get('v-1'))?.cases[0]).toMatchObject({ title: 'Reports power', required: false })
  })

  it('names a duplicate case ID beside the field and stores nothing of it', async () => {
    const user = userEvent.setup()
    const db = freshLabDb()
    await putPlanVersions(db, [aPlanVersion()])
    renderApp('#/plans/v-1', { db })
    const id = within(await screen.findByRole('group', { name: 'Case 3' })).getByRole('textbox', { name: 'Case ID' })
    await user.clear(id)
    await user.type(id, 'TC-1')
    expect(id).toHaveAttribute('aria-invalid', 'true')
    expect(id).toHaveAccessibleDescription('Case ID TC-1 is already used by case 1; case IDs must be unique in a plan.')
    const title = within(caseRow(2)).getByRole('textbox', { name: 'Title' })
    await user.clear(title)
    expect(title).toHaveAccessibleDescription('Title is required.')
    await new Promise((r) => setTimeout(r, 400))
    expect((await db.planVersions.get('v-1'))?.cases.map((c) => c.caseId)).toEqual(['TC-1', 'TC-2', 'TC-3'])
    expect(screen.getByRole('status')).toHaveTextContent(/Not saved yet/)
  })

  it('saves an edit of a version a session ran as the next version, says so, and keeps editing there', async () => {
    const user = userEvent.setup()
    const db = freshLabDb()
    await putPlanVersions(db, [aPlanVersion()])
    await putSessions(db, [aSession()])
    renderApp('#/plans/v-1', { db })
    expect(await screen.findByText(/A session has run version 1/)).toBeInTheDocument()

    const title = within(caseRow(1)).getByRole('textbox', { name: 'Title' })
    await user.type(title, ' now')
    expect(
      await screen.findByText('Version 1 was used by a session, so your edit is saved as version 2.', { exact: false }),
    ).toBeInTheDocument()
    await user.type(title, ' and later')
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
      within(caseRow(1))
        .getAllByRole('term')
        .map((term) => term.textContent),
    ).toEqual(['Notes', 'Priority'])
    expect(
      within(caseRow(1))
        .getAllByRole('definition')
        .map((value) => value.textContent),
    ).toEqual(['Check twice', 'High'])
    expect(within(caseRow(2)).queryAllByRole('term')).toEqual([])

    await user.type(within(caseRow(1)).getByRole('textbox', { name: 'Title' }), ' now')
    expect(
      await screen.findByText(/^Version 2 · 2 cases · Edited from version 1 by This workstation, /),
    ).toBeInTheDocument()
    await user.type(within(caseRow(1)).getByRole('textbox', { name: 'Title' }), ' again')
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

  it('pages through a long plan and points to problems on other pages', async () => {
    const user = userEvent.setup()
    const db = freshLabDb()
    const cases = Array.from({ length: 120 }, (_, i) => aCase(`TC-${i + 1}`))
    await putPlanVersions(db, [aPlanVersion({ cases })])
    renderApp('#/plans/v-1', { db })
    expect(await screen.findByText('Cases 1–50 of 120')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Next cases' }))
    expect(screen.getByText('Cases 51–100 of 120')).toBeInTheDocument()
    const title = within(caseRow(60)).getByRole('textbox', { name: 'Title' })
    await user.clear(title)
    await user.click(screen.getByRole('button', { name: 'Previous cases' }))
    await user.click(screen.getByRole('button', { name: 'Go to case 60' }))
    expect(within(caseRow(60)).getByRole('textbox', { name: 'Title' })).toHaveAccessibleDescription(
      'Title is required.',
    )
  })
})
