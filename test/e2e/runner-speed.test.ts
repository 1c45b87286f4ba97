import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seriousAxeViolations } from './axe'
import { seedRunningSession, SessionScreen } from './pages/sessions'
import { perTest } from './per-test'

const made = perTest()

/** Records every text the runner's polite live region takes, from now on, in the page. */
async function recordAnnouncements(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const region = document.querySelector('.runner [aria-live="polite"]')
    if (!region) throw new Error('no polite live region in the runner')
    const said: string[] = []
    ;(window as unknown as { said: string[] }).said = said
    new MutationObserver(() => said.push(region.textContent ?? '')).observe(region, {
      childList: true,
      characterData: true,
      subtree: true,
    })
  })
  return () => page.evaluate(() => [...(window as unknown as { said: string[] }).said])
}

describe('the runner at full speed', () => {
  it('moves on after each verdict, jumps to the next case to decide, marks notes and evidence, and says each verdict once', async () => {
    const app = await made.launch()
    const { page } = app
    const files = await made.files()
    const runner = await seedRunningSession(app, files, 6)
    const row = (caseId: string) => runner.caseList().getByRole('option', { name: new RegExp(caseId) })
    const moveOn = page.getByRole('checkbox', { name: 'Move to the next case after a verdict' })
    expect(await moveOn.isChecked()).toBe(true)
    const said = await recordAnnouncements(page)

    await runner.caseList().focus()
    await runner.keys('p', 'b', 'p')
    expect(await runner.selected().textContent()).toContain('TC-004')
    await expect
      .poll(said)
      .toEqual(['Case TC-001 passed, saved.', 'Case TC-002 blocked, saved.', 'Case TC-003 passed, saved.'])

    // D: the next case still to decide, going round: TC-004, then the blocked TC-002.
    await runner.keys('k', 'k', 'k', 'd')
    expect(await runner.selected().textContent()).toContain('TC-002')
    await runner.keys('d')
    expect(await runner.selected().textContent()).toContain('TC-004')

    await runner.keys('Enter')
    await page.keyboard.type('Relay hums at 50 % load')
    await runner.keys('Escape')
    const photo = await files.png('tc-004 relay.png', { width: 200, height: 150, colour: { r: 90, g: 90, b: 200 } })
    await runner.attachPhoto(app, 'TC-004', photo)
    await row('TC-004')
      .and(page.getByRole('option', { name: /has notes.*has evidence/ }))
      .waitFor()
    expect(await page.getByRole('option', { name: /has notes|has evidence/ }).count()).toBe(1)

    await runner.caseList().focus()
    await runner.keys('f')
    expect(await runner.selected().textContent()).toContain('TC-005')
    // Moving about and typing notes say nothing more; the one verdict since is said once.
    await expect.poll(async () => (await said()).filter((t) => t.startsWith('Case TC-004 failed')).length).toBe(1)
    expect((await said()).filter((t) => / (passed|failed|blocked), saved/.test(t))).toHaveLength(4)
    expect(await seriousAxeViolations(page)).toEqual([])

    await page.getByRole('button', { name: 'Shortcuts' }).click()
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await help.getByRole('row', { name: /^D Next case still to decide/ }).waitFor()
    await help.getByRole('button', { name: 'Close' }).click()

    // Turned off, it stays off at this bench, in this session and the next start.
    await moveOn.uncheck()
    await runner.caseList().focus()
    await runner.keys('p')
    expect(await runner.selected().textContent()).toContain('TC-005')
    await expect.poll(async () => (await row('TC-005').textContent()) ?? '').toContain('Passed')
    // Killed (SIGKILL), not closed: the setting is on disk once it shows, not only after a graceful close.
    await app.kill()
    const again = await app.relaunch()
    const reopened = new SessionScreen(again.page)
    await reopened.caseList().waitFor()
    expect(await again.page.getByRole('checkbox', { name: 'Move to the next case after a verdict' }).isChecked()).toBe(
      false,
    )
    again.assertClean()
  })

  it('shows the notes of earlier verdicts of a case in the next session of the plan', async () => {
    const app = await made.launch()
    const { page } = app
    const runner = await seedRunningSession(app, await made.files(), 3)
    await runner.caseList().focus()
    await runner.keys('Enter')
    await page.keyboard.type('Turns off after 2 s instead of at once')
    await runner.keys('Escape', 'f')
    await option(page, 'TC-001').getByText('Failed').waitFor()

    await runner.create({ plan: /^smart plug plan v1/ })
    const history = page.getByRole('region', { name: 'Earlier verdicts for case TC-001' })
    await history.getByText('Turns off after 2 s instead of at once').waitFor()
    expect(await history.getByText('Failed').count()).toBe(1)
    expect(await seriousAxeViolations(page)).toEqual([])
    app.assertClean()
  })
})

const option = (page: Page, caseId: string) =>
  page.getByRole('listbox', { name: 'Cases' }).getByRole('option', { name: new RegExp(caseId) })
