import { describe, expect, it } from 'vitest'
import type { Result } from '../../core/model/result'
import type { SessionSummary } from '../../core/model/session'
import { seriousAxeViolations } from './axe'
import { readStore } from './pages/catalogue'
import { seedRunningSession } from './pages/sessions'
import { perTest } from './per-test'

const made = perTest()

describe('a session that ends as real runs end', () => {
  it('closes with a blocked case as incomplete, keeps every result, and reruns what is left in a linked session', async () => {
    const app = await made.launch()
    const { page } = app
    const runner = await seedRunningSession(app, await made.files(), 5)
    await runner.caseList().focus()
    await runner.keys('p', 'b', 'f')
    await page.getByText('2 of 5 cases decided').waitFor()
    await page.getByText('not decided: 2 untested, 1 blocked or to retest').waitFor()

    await page.getByRole('button', { name: 'Complete session' }).click()
    await page
      .getByRole('alert')
      .getByText(/required cases? (is|are) not decided yet/)
      .waitFor()
    await page.getByRole('button', { name: 'Close as incomplete…' }).click()
    // A new question never sits beside the last refusal.
    expect(await page.getByRole('alert').count()).toBe(0)
    const question = page.getByRole('group', { name: 'Close the session as incomplete?' })
    await question.getByRole('textbox', { name: 'Reason' }).fill('Hub firmware withdrawn by the maker')
    expect(await seriousAxeViolations(page)).toEqual([])
    await question.getByRole('button', { name: 'Close as incomplete' }).click()

    await page.getByText(/^Closed as incomplete on .+ by Jo Doe: Hub firmware withdrawn by the maker$/).waitFor()
    expect(await page.getByText('↑↓ or J/K move').count()).toBe(0) // no key hints on a session that cannot change
    expect(await page.getByRole('button', { name: /^Passed/ }).isDisabled()).toBe(true)
    const results = (await readStore(page, 'results')) as Result[]
    expect(results.map((r) => [r.caseId, r.verdict]).sort()).toEqual([
      ['TC-001', 'passed'],
      ['TC-002', 'blocked'],
      ['TC-003', 'failed'],
    ])
    expect(await seriousAxeViolations(page)).toEqual([])

    await page.getByRole('button', { name: 'Rerun failed and blocked cases (2 cases)' }).click()
    await page.getByText('0 of 2 cases decided').waitFor()
    expect(await runner.caseList().getByRole('option').allTextContents()).toEqual([
      expect.stringContaining('TC-002'),
      expect.stringContaining('TC-003'),
    ])
    const sessions = (await readStore(page, 'sessions')) as SessionSummary[]
    const first = sessions.find((s) => s.outcome === 'incomplete')
    const rerun = sessions.find((s) => s.rerunOf !== undefined)
    expect(rerun).toMatchObject({ rerunOf: first?.id, state: 'running', testerName: 'Jo Doe', unitId: first?.unitId })
    await page.getByRole('link', { name: 'the failed and blocked cases of an earlier session' }).click()
    await page.getByText(/^Closed as incomplete on /).waitFor()
  })
})
