import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Result } from '../../../../core/model/result'
import type { Outcome } from '../../../../core/outcome'
import { createResultJournal } from '../../../../renderer/storage/result-journal'
import { freshLabDb } from '../../../helpers/lab-db'
import { aProduct, aSession, aUnit } from '../../../helpers/records'
import { putSessions } from '../../../helpers/stored-rows'
import { renderApp } from '../../../helpers/render-app'
import { createWorkingAsStore } from '../../../../renderer/app/working-as-store'

async function openRunner(state: 'running' | 'completed' = 'running', { autoAdvance = false } = {}) {
  const db = freshLabDb()
  // These tests watch the selected case's save line: the runner stays on it after a verdict unless asked.
  await db.settings.put({ key: 'runner.autoAdvance', value: autoAdvance })
  await db.products.put(aProduct())
  await db.units.put(aUnit())
  await putSessions(db, [
    aSession({
      state,
      startedAt: '2026-11-20T09:00:00.000Z',
      ...(state === 'completed' ? { outcome: 'passed', completedAt: '2026-11-20T10:00:00.000Z' } : {}),
    }),
  ])
  // Jo tests the session (aSession's tester), so entries need no question first.
  const app = renderApp('#/sessions/s-1', { db, workingAs: createWorkingAsStore({ id: 'jd', name: 'Jo Doe' }) })
  await screen.findByRole('listbox', { name: 'Cases' })
  return { ...app, db, user: userEvent.setup() }
}

/** Holds every write of the results repository until released, as a slow disk would. */
function holdWrites(repos: ReturnType<typeof renderApp>['services']['repos']) {
  const held: (() => void)[] = []
  const hold =
    <A extends unknown[]>(real: (...args: A) => Promise<Outcome<Result>>) =>
    (...args: A) =>
      new Promise<void>((resolve) => held.push(resolve)).then(() => real(...args))
  repos.results.update = hold(repos.results.update)
  repos.results.typeNotes = hold(repos.results.typeNotes)
  return {
    release: () => {
      for (const go of held.splice(0)) go()
    },
    count: () => held.length,
  }
}

/** The runner's one polite live region. */
function politeRegion() {
  const region = screen
    .getAllByRole('status')
    .find((el) => el.getAttribute('aria-live') === 'polite' && el.classList.contains('visually-hidden'))
  if (!region) throw new Error('no polite live region for saved states')
  return region
}

/** Every text the polite live region took, in order: what a screen reader would read out. */
function announcements() {
  const region = politeRegion()
  const said: string[] = []
  const observer = new MutationObserver(() => {
    const text = region.textContent ?? ''
    if (text !== '' && text !== said.at(-1)) said.push(text)
  })
  observer.observe(region, { childList: true, characterData: true, subtree: true })
  return { said, stop: () => observer.disconnect() }
}

const saveLine = () => document.querySelector<HTMLElement>('.case-save-state')

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
beforeEach(() => localStorage.clear())

describe('the runner says when a case is saved', () => {
  it('shows a pressed verdict as pending until its transaction completes, then saved', async () => {
    const { db, user, services } = await openRunner()
    const writes = holdWrites(services.repos)
    await user.keyboard('f')
    const failed = screen.getByRole('button', { name: /^Failed/ })
    expect(failed).toHaveAttribute('aria-pressed', 'true')
    expect(failed).toHaveClass('pending')
    expect(saveLine()).toHaveTextContent('Saving…')
    expect(await db.results.count()).toBe(0)

    act(() => writes.release())
    await waitFor(() => expect(saveLine()).toHaveTextContent('Saved'))
    expect((await db.results.get(['s-1', 'TC-1']))?.verdict).toBe('failed')
    expect(failed).not.toHaveClass('pending')
  })

  it('stores notes while they are typed, and tells a screen reader once that they are saved', async () => {
    const { db, user } = await openRunner()
    const live = announcements()
    await user.keyboard('{Enter}')
    await user.keyboard('LED stays green after the command')
    // On disk as typed: no pause in typing is waited for.
    await waitFor(async () =>
      expect((await db.results.get(['s-1', 'TC-1']))?.notes).toBe('LED stays green after the command'),
    )
    await waitFor(() => expect(saveLine()).toHaveTextContent('Saved'))
    await waitFor(() => expect(live.said).toEqual(['Case TC-1 saved.']))
    // Nothing more is said while nothing changes.
    await new Promise((resolve) => setTimeout(resolve, 900))
    expect(live.said).toEqual(['Case TC-1 saved.'])
    live.stop()
  })

  it('says why a change was not saved and what to do, keeps it on screen, and saves it on Try again', async () => {
    const { db, user, services } = await openRunner()
    const real = services.repos.results.update
    let fail = true
    services.repos.results.update = async (...args) =>
      fail ? { ok: false, problem: { code: 'disk-full', message: 'The disk is full.' } } : real(...args)
    const live = announcements()
    await user.keyboard('p')
    await waitFor(() =>
      expect(saveLine()).toHaveTextContent(
        'Not saved: The disk is full, so the change could not be stored. Free some space, then choose Try again; your changes are still on screen.',
      ),
    )
    expect(live.said).toEqual([expect.stringMatching(/^Case TC-1 not saved: The disk is full/)])
    expect(screen.getByRole('button', { name: /^Passed/ })).toHaveAttribute('aria-pressed', 'true')

    fail = false
    await user.click(within(saveLine()!).getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(saveLine()).toHaveTextContent('Saved'))
    expect((await db.results.get(['s-1', 'TC-1']))?.verdict).toBe('passed')
    // Said once it is stored at last, with its verdict.
    await waitFor(() => expect(live.said.at(-1)).toBe('Case TC-1 passed, saved.'))
    live.stop()
  })

  it('says each verdict exactly once, as it is saved, however often the runner redraws', async () => {
    const { user } = await openRunner('running', { autoAdvance: true })
    const region = politeRegion()
    const texts: string[] = []
    const observer = new MutationObserver(() => texts.push(region.textContent ?? ''))
    observer.observe(region, { childList: true, characterData: true, subtree: true })
    await user.keyboard('p')
    await waitFor(() => expect(texts).toEqual(['Case TC-1 passed, saved.']))
    await user.keyboard('f')
    await waitFor(() => expect(texts).toHaveLength(2))
    // Moving about redraws the list and the case, and says nothing.
    await user.keyboard('kkjj')
    // The same verdict again is a change a screen reader hears, without the region being emptied first.
    await user.keyboard('kf')
    await waitFor(() => expect(texts).toHaveLength(3))
    await new Promise((resolve) => setTimeout(resolve, 900))
    expect(texts).toEqual(['Case TC-1 passed, saved.', 'Case TC-2 failed, saved.', 'Case TC-2 failed, saved.\u00a0'])
    observer.disconnect()
  })

  it('reports on reopening a change an earlier window left that can no longer be stored', async () => {
    createResultJournal(localStorage).note(
      's-1',
      'TC-2',
      { notes: 'Relay clicks twice' },
      {
        actor: { id: 'person-jo', name: 'Jo Doe' },
        at: '2026-11-20T09:30:00.000Z',
      },
    )
    await openRunner('completed')
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /Not saved: the notes of case TC-2, changed on .+, could not be stored \(This session is not running, so its results cannot change\)\. Enter it again if it still applies\./,
    )
  })

  it('stores on reopening what an earlier window left unstored, says so with who entered it, and lets it be dismissed', async () => {
    createResultJournal(localStorage).note(
      's-1',
      'TC-2',
      { verdict: 'failed' },
      { actor: { id: 'person-jo', name: 'Jo Doe' }, at: '2026-11-20T09:30:00.000Z' },
    )
    const { db, user } = await openRunner('running')
    const notice = await screen.findByText(/^Recovered after WWA Lab closed/)
    expect(notice).toHaveTextContent(
      /^Recovered after WWA Lab closed before storing it: the verdict \(Failed\) of case TC-2, entered by Jo Doe on .+\. It is stored now, in the audit trail as entered then\./,
    )
    expect(await db.results.get(['s-1', 'TC-2'])).toMatchObject({
      verdict: 'failed',
      updatedBy: 'person-jo',
      updatedAt: '2026-11-20T09:30:00.000Z',
    })
    await user.click(screen.getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByText(/^Recovered after WWA Lab closed/)).toBeNull()
  })
})
