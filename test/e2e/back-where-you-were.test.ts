import { describe, expect, it } from 'vitest'
import { seriousAxeViolations } from './axe'
import { seedRunningSession, SessionScreen } from './pages/sessions'
import { perTest } from './per-test'

const made = perTest()

describe('back where you were', () => {
  it('reopens on the running session after a relaunch, lists it with its progress, and starts the next one as the last', async () => {
    const app = await made.launch()
    const runner = await seedRunningSession(app, await made.files(), 5)
    await runner.caseList().focus()
    await runner.keys('p', 'f')
    await app.page.getByText('2 of 5 cases decided').waitFor()

    // Closed at once after the last key, and opened again with no address: the window finds its own way back.
    const again = await app.relaunch()
    const { page } = again
    const screen = new SessionScreen(page)
    await page.getByRole('heading', { name: 'Acme AC-100 · smart plug plan v1' }).waitFor()
    await screen.caseList().waitFor()
    await page.getByText('2 of 5 cases decided').waitFor()
    expect(
      await screen
        .caseList()
        .getByRole('option', { name: /TC-002/ })
        .textContent(),
    ).toContain('Failed')
    expect(await seriousAxeViolations(page)).toEqual([])

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Sessions' }).click()
    const table = page.getByRole('table', { name: 'Sessions' })
    const sessionName = 'Acme AC-100 · SN-0001 · smart plug plan v1'
    const link = table.getByRole('link', { name: sessionName })
    await link.waitFor()
    const headers = (await table.getByRole('columnheader').allTextContents()).map((h) => h.replace(/[▲▼]/g, '').trim())
    const cells = await table
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: sessionName }) })
      .getByRole('cell')
      .allTextContents()
    const cell = (name: string) => cells[headers.indexOf(name)]
    expect(cell('Region')).toBe('North America')
    expect(cell('Progress')).toBe('2 / 5')
    expect(cell('Last activity')).toMatch(/\d{4}.*\d:\d{2}/)
    expect(cell('State')).toBe('Running')
    expect(await seriousAxeViolations(page)).toEqual([])

    // The product's only unit, the plan it last ran and the person working are chosen already.
    await page.getByRole('link', { name: 'New session' }).click()
    await page.getByRole('combobox', { name: 'Product' }).selectOption({ label: 'Acme AC-100' })
    const chosen = async (name: string) =>
      page
        .getByRole('combobox', { name })
        .evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '')
    await expect.poll(() => chosen('Test plan')).toBe('smart plug plan v1 (5 cases)')
    expect(await chosen('Unit under test')).toBe('Serial SN-0001 · firmware 1.2.3')
    expect(await chosen('Tester')).toBe('Jo Doe')
    expect(await seriousAxeViolations(page)).toEqual([])
    await page.getByRole('combobox', { name: 'Region' }).selectOption({ label: 'Europe' })
    await page.getByRole('button', { name: 'Start session' }).click()
    await screen.caseList().waitFor()
    await page.getByText('0 of 5 cases decided').waitFor()
    again.assertClean()
  })

  it('reopens on the running session after the browser was killed, not only after a graceful close', async () => {
    const app = await made.launch()
    const runner = await seedRunningSession(app, await made.files(), 5)
    await runner.caseList().focus()
    await runner.keys('p')
    await app.page.getByText('1 of 5 cases decided').waitFor()
    // The count shows the verdict at once; the kill comes once the runner has said it is saved, as a tester would hear.
    await app.page
      .locator('.runner [aria-live="polite"]')
      .filter({ hasText: 'Case TC-001 passed, saved.' })
      .waitFor({ state: 'attached' })

    // A crash right after the verdict showed as saved: Chromium writes localStorage seconds late, the last place is in IndexedDB.
    await app.kill()
    const again = await app.relaunch()
    const screen = new SessionScreen(again.page)
    await again.page.getByRole('heading', { name: 'Acme AC-100 · smart plug plan v1' }).waitFor()
    await screen.caseList().waitFor()
    await again.page.getByText('1 of 5 cases decided').waitFor()
    again.assertClean()
  })

  it('opens the list, saying why once, when the session it was closed on is gone', async () => {
    const app = await made.launch()
    await seedRunningSession(app, await made.files(), 3)
    // As if the session had gone since (a restore of an older backup): the place kept names a session not there.
    await app.page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('wwa-lab')
          open.onsuccess = () => {
            const put = open.result
              .transaction('settings', 'readwrite')
              .objectStore('settings')
              .put({ key: 'window.lastPlace', value: { address: '#/sessions/no-such-session', database: 'wwa-lab' } })
            put.onsuccess = () => {
              open.result.close()
              resolve()
            }
            put.onerror = () => reject(put.error)
          }
          open.onerror = () => reject(open.error)
        }),
    )

    const again = await app.relaunch()
    const { page } = again
    const notice = page
      .getByRole('status')
      .filter({ hasText: 'The session that was open when WWA Lab last closed does not exist any more' })
    await notice.waitFor()
    await page.getByRole('heading', { name: 'Sessions', exact: true }).waitFor()
    expect(new URL(page.url()).hash).toBe('#/sessions')
    expect(await page.getByRole('heading', { name: 'Not found' }).count()).toBe(0)
    expect(await seriousAxeViolations(page)).toEqual([])

    // Said once: gone as soon as the window shows another page, and not back with the list.
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Products' }).click()
    await page.getByRole('heading', { name: 'Products' }).waitFor()
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Sessions' }).click()
    await page.getByRole('table', { name: 'Sessions' }).waitFor()
    expect(await notice.count()).toBe(0)
    again.assertClean()
  })
})
