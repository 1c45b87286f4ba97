import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freshLabDb } from '../../../helpers/lab-db'
import { aProduct, aSession, aUnit } from '../../../helpers/records'
import { putSessions } from '../../../helpers/stored-rows'
import { renderApp } from '../../../helpers/render-app'
import { createWorkingAsStore } from '../../../../renderer/app/working-as-store'
import type { Verdict } from '../../../../core/model/result'

async function openRunner(
  state: 'running' | 'completed' = 'running',
  verdicts: Readonly<Record<string, Verdict>> = {},
) {
  const db = freshLabDb()
  await db.products.put(aProduct())
  await db.units.put(aUnit())
  const session = aSession({
    state,
    startedAt: '2026-11-20T09:00:00.000Z',
    ...(state === 'completed' ? { outcome: 'passed', completedAt: '2026-11-20T10:00:00.000Z' } : {}),
  })
  await putSessions(db, [session])
  for (const [caseId, verdict] of Object.entries(verdicts)) {
    await db.results.put({
      sessionId: session.id,
      caseId,
      planId: session.plan.planId,
      verdict,
      notes: '',
      evidenceIds: [],
      updatedAt: '2026-11-20T09:30:00.000Z',
      updatedBy: 'jd',
    })
  }
  // Jo tests the session (aSession's tester), so entries need no question first.
  const app = renderApp('#/sessions/s-1', { db, workingAs: createWorkingAsStore({ id: 'jd', name: 'Jo Doe' }) })
  await screen.findByRole('listbox', { name: 'Cases' })
  return { ...app, db, user: userEvent.setup() }
}

// happy-dom does no layout, so every element is 0 px tall and a virtualized list
// would draw no rows. Give the case list the height a window gives it.
const realClientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight')
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('case-list') ? 600 : 0
    },
  })
})
afterAll(() => {
  if (realClientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', realClientHeight)
})

const selectedOption = () =>
  within(screen.getByRole('listbox', { name: 'Cases' })).getByRole('option', { selected: true })

describe('session runner', () => {
  it('moves with J/K and arrows and sets verdicts with single keys, stored at once, moving on after each', async () => {
    const { db, user } = await openRunner()
    expect(selectedOption()).toHaveTextContent('TC-1')
    await user.keyboard('p')
    await waitFor(async () => expect((await db.results.get(['s-1', 'TC-1']))?.verdict).toBe('passed'))
    expect(selectedOption()).toHaveTextContent('TC-2')
    await user.keyboard('k')
    expect(selectedOption()).toHaveTextContent('TC-1')
    expect(selectedOption()).toHaveTextContent('Passed')
    await user.keyboard('j')
    await user.keyboard('f')
    expect(selectedOption()).toHaveTextContent('TC-3')
    await user.keyboard('{ArrowUp}')
    expect(selectedOption()).toHaveTextContent('TC-2')
    await user.keyboard('{ArrowDown}')
    await user.keyboard('n')
    // The last case stays selected after its verdict.
    expect(selectedOption()).toHaveTextContent('TC-3')
    await user.keyboard('k')
    expect(selectedOption()).toHaveTextContent('TC-2')
    await waitFor(async () =>
      expect((await db.results.toArray()).map((r) => `${r.caseId}:${r.verdict}`).sort()).toEqual([
        'TC-1:passed',
        'TC-2:failed',
        'TC-3:not-applicable',
      ]),
    )
    expect(screen.getByText('3 of 3 cases decided')).toBeInTheDocument()
  })

  it('opens a running session on its first case still to decide, a blocked one among them', async () => {
    await openRunner('running', { 'TC-1': 'passed', 'TC-2': 'blocked' })
    // Blocked is still to decide: the work goes on there.
    expect(selectedOption()).toHaveTextContent('TC-2')
  })

  it('opens a running session whose every case is decided on its first case', async () => {
    await openRunner('running', { 'TC-1': 'passed', 'TC-2': 'failed', 'TC-3': 'not-applicable' })
    expect(selectedOption()).toHaveTextContent('TC-1')
  })

  it('stays on the case after a verdict once moving on is turned off, for every later session at this bench', async () => {
    const { db, user } = await openRunner()
    await user.click(screen.getByRole('checkbox', { name: 'Move to the next case after a verdict' }))
    await user.keyboard('p')
    expect(selectedOption()).toHaveTextContent('TC-1')
    expect(selectedOption()).toHaveTextContent('Passed')
    await waitFor(async () => expect((await db.settings.get('runner.autoAdvance'))?.value).toBe(false))
  })

  it('opens notes with Enter, saves them as typed, and leaves them with Esc', async () => {
    const { db, user } = await openRunner()
    await user.keyboard('{Enter}')
    const notes = screen.getByRole('textbox', { name: /Notes/ })
    expect(notes).toHaveFocus()
    await user.keyboard('LED stays green')
    await user.keyboard('{Escape}')
    expect(notes).not.toHaveFocus()
    await waitFor(async () => expect((await db.results.get(['s-1', 'TC-1']))?.notes).toBe('LED stays green'))
    await user.keyboard('p')
    await waitFor(async () => expect((await db.results.get(['s-1', 'TC-1']))?.verdict).toBe('passed'))
  })

  it('filters with / and shows the shortcuts with ?', async () => {
    const { user } = await openRunner()
    await user.keyboard('/')
    expect(screen.getByRole('searchbox', { name: /Filter/ })).toHaveFocus()
    await user.keyboard('TC-3{Escape}')
    expect(within(screen.getByRole('listbox', { name: 'Cases' })).getAllByRole('option')).toHaveLength(1)
    await user.keyboard('?')
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' })
    expect(within(help).getByText('Set the verdict to Not applicable')).toBeInTheDocument()
  })

  it('moves to the first match on Enter in the filter, with the list ready for a verdict', async () => {
    const { db, user } = await openRunner()
    await user.keyboard('/')
    await user.keyboard('TC-2{Enter}')
    const list = screen.getByRole('listbox', { name: 'Cases' })
    expect(list).toHaveFocus()
    expect(within(list).getByRole('option', { selected: true })).toHaveTextContent('TC-2')
    await user.keyboard('f')
    await waitFor(async () => expect((await db.results.get(['s-1', 'TC-2']))?.verdict).toBe('failed'))
  })

  it('names its controls without their keys, and gives each key as its shortcut', async () => {
    await openRunner()
    expect(screen.getByRole('button', { name: 'Passed' })).toHaveAttribute('aria-keyshortcuts', 'P')
    expect(screen.getByRole('button', { name: 'Not applicable' })).toHaveAttribute('aria-keyshortcuts', 'N')
    expect(screen.getByRole('textbox', { name: 'Notes' })).toHaveAttribute('aria-keyshortcuts', 'Enter')
    expect(screen.getByRole('searchbox', { name: 'Filter' })).toHaveAttribute('aria-keyshortcuts', '/')
    expect(screen.getByRole('button', { name: 'Attach evidence…' })).toHaveAttribute('aria-keyshortcuts', 'E')
  })

  it('completes only when every required case is decided, then shows the outcome and which cases failed', async () => {
    const { db, user } = await openRunner()
    await user.click(screen.getByRole('button', { name: 'Complete session' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '2 required cases are not decided yet (untested, blocked or marked for retest): TC-1 and TC-2.',
    )
    await user.keyboard('pf')
    await waitFor(async () => expect(await db.results.count()).toBe(2))
    await user.click(screen.getByRole('button', { name: 'Complete session' }))
    expect(screen.getByRole('group', { name: 'Complete the session?' })).toHaveTextContent(
      'Complete as failed (TC-2 failed)? Results cannot change afterwards.',
    )
    // The refusal from before is gone: one message at a time.
    expect(screen.queryByRole('alert')).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Complete now' }))
    expect(
      await screen.findByText(/^Completed: failed on .+ by Jo Doe\. Required cases that failed: TC-2\.$/),
    ).toBeInTheDocument()
    expect((await db.sessions.get('s-1'))?.outcome).toBe('failed')
    expect(screen.getByRole('button', { name: /Passed/ })).toBeDisabled()
  })

  it('keeps focus off a verdict button after a click, so Enter opens the notes instead of pressing it again', async () => {
    const { db, user } = await openRunner()
    await user.click(screen.getByRole('button', { name: /^Failed/ }))
    await user.keyboard('j{Enter}')
    expect(screen.getByRole('textbox', { name: /Notes/ })).toHaveFocus()
    await waitFor(async () => expect(await db.results.count()).toBe(1))
    expect((await db.results.get(['s-1', 'TC-2']))?.verdict).toBeUndefined()
  })

  it('closes a session with a blocked case as incomplete, with its reason, keeping every result', async () => {
    const { db, user } = await openRunner()
    await user.keyboard('pjb')
    await waitFor(async () => expect(await db.results.count()).toBe(2))
    expect(screen.getByText(/not decided: 1 untested, 1 blocked or to retest/)).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Close as incomplete…' }))
    const question = screen.getByRole('group', { name: 'Close the session as incomplete?' })
    await user.click(within(question).getByRole('button', { name: 'Close as incomplete' }))
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Say why the session ends before every required case is decided.',
    )
    expect((await db.sessions.get('s-1'))?.state).toBe('running')
    await user.type(within(question).getByRole('textbox', { name: 'Reason' }), 'Hub firmware withdrawn')
    await user.click(within(question).getByRole('button', { name: 'Close as incomplete' }))
    expect(
      await screen.findByText(/^Closed as incomplete on .+ by Jo Doe: Hub firmware withdrawn$/),
    ).toBeInTheDocument()
    expect(await db.sessions.get('s-1')).toMatchObject({
      state: 'completed',
      outcome: 'incomplete',
      closeReason: 'Hub firmware withdrawn',
      completedBy: { id: 'jd', name: 'Jo Doe' },
    })
    expect((await db.results.toArray()).map((r) => r.verdict)).toEqual(['passed', 'blocked'])
    expect(screen.getByRole('button', { name: 'Rerun failed and blocked cases (1 case)' })).toBeInTheDocument()
    expect(document.querySelector('.shortcut-line')).toBeNull() // no key hints on a session that cannot change
  })

  it('shows a completed session read-only', async () => {
    const { db, user } = await openRunner('completed')
    await user.keyboard('f')
    await new Promise((r) => setTimeout(r, 100))
    expect(await db.results.count()).toBe(0)
    expect(screen.getByText(/Completed: passed/)).toBeInTheDocument()
  })
})
