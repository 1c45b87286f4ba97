import { basename } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import type { App } from '../harness'
import type { FixtureFiles } from '../fixtures-files'
import { LabProfileScreen, ProductScreen, UnitScreen, waitForSaved } from './catalogue'
import { planRows, planWorkbook, PlansScreen } from './plans'

/** A lab with a tester, a product sold in the US and DE, and one received unit: what every session needs. */
export async function seedLab(page: Page): Promise<void> {
  const lab = new LabProfileScreen(page)
  await lab.open()
  await lab.fill('North Bench Lab', [{ name: 'Jo Doe', initials: 'JD', role: 'Lab tester' }])
  await page.getByRole('combobox', { name: 'Working as' }).selectOption({ label: 'Jo Doe (Lab tester)' })
  const products = new ProductScreen(page)
  await products.startNew()
  await products.fillIdentity({ brand: 'Acme', model: 'AC-100', name: 'Acme Smart Plug', deviceType: 'Plug' })
  await products.requestMarketplaces(['United States (US)', 'Germany (DE)'])
  await waitForSaved(page)
  await page.getByRole('link', { name: 'Add unit' }).click()
  await new UnitScreen(page).fill({
    serial: 'SN-0001',
    firmware: '1.2.3',
    hardware: 'B',
    receivedOn: '2026-11-18',
    from: 'Acme Ltd.',
    condition: 'New, sealed',
  })
  await waitForSaved(page)
}

/** Imports an n-case plan written as xlsx (every fifth case optional) through the import page. */
export async function importPlan(
  app: App,
  files: FixtureFiles,
  cases: number,
  name = 'smart plug plan.xlsx',
): Promise<void> {
  const path = await files.bytes(name, planWorkbook(planRows(cases)))
  const plans = new PlansScreen(app.page)
  await plans.openImport()
  app.dialogs.answerOpen([path])
  await plans.chooseFile()
  await plans.importButton().click()
  await plans.editorSummary()
}

/** Jo Doe's lab (seedLab), an n-case imported plan, and a running session of it that Jo tests, open in the runner. */
export async function seedRunningSession(app: App, files: FixtureFiles, cases: number): Promise<SessionScreen> {
  await seedLab(app.page)
  await importPlan(app, files, cases)
  const runner = new SessionScreen(app.page)
  await runner.create({ plan: /^smart plug plan v1/ })
  return runner
}

/** The New session form and the runner. */
export class SessionScreen {
  constructor(private readonly page: Page) {}

  async create(choice: { plan: RegExp; region?: string }): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Sessions' }).click()
    await this.page.getByRole('link', { name: 'New session' }).click()
    await this.page.getByRole('combobox', { name: 'Product' }).selectOption({ label: 'Acme AC-100' })
    await this.page.getByRole('combobox', { name: 'Unit under test' }).selectOption({ index: 1 })
    const plan = this.page.getByRole('combobox', { name: 'Test plan' })
    const label = (await plan.locator('option').allTextContents()).find((text) => choice.plan.test(text))
    if (!label) throw new Error(`No plan option matches ${choice.plan}`)
    await plan.selectOption({ label })
    await this.page.getByRole('combobox', { name: 'Region' }).selectOption({ label: choice.region ?? 'North America' })
    await this.page.getByRole('button', { name: 'Start session' }).click()
    await this.caseList().waitFor()
  }

  caseList(): Locator {
    return this.page.getByRole('listbox', { name: 'Cases' })
  }

  selected(): Locator {
    return this.caseList().getByRole('option', { selected: true })
  }

  notes(): Locator {
    return this.page.getByRole('textbox', { name: /^Notes/ })
  }

  /**
   * Attaches a photo to the selected case with E and its file dialog, waits for its
   * thumbnail, and gives the keyboard back to the case list.
   */
  async attachPhoto(app: App, caseId: string, path: string): Promise<void> {
    app.dialogs.answerOpen([path])
    await this.keys('e')
    await this.page
      .getByRole('region', { name: `Evidence for case ${caseId}` })
      .getByRole('img', { name: basename(path) })
      .waitFor()
    await this.caseList().focus()
  }

  /** Presses keys as a tester at the bench does, one after another. */
  async keys(...keys: string[]): Promise<void> {
    for (const key of keys) await this.page.keyboard.press(key)
  }
}
