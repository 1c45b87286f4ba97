import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { seriousAxeViolations } from './axe'
import { ProductScreen, readStore, SimpleRecordScreen, waitForSaved } from './pages/catalogue'
import { seedLab, seedRunningSession } from './pages/sessions'
import { perTest } from './per-test'

const made = perTest()

const openSection = async (page: Page, label: string) => {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: label }).click()
  await page.getByRole('heading', { name: label, level: 1 }).waitFor()
}
const optionsOf = (page: Page, picker: string) =>
  page.getByRole('combobox', { name: picker }).locator('option').allTextContents()
const archivedNotice = (page: Page) => page.getByRole('status').filter({ hasText: /^Archived on / })
const focused = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '')
const showArchived = (page: Page, count: number) => page.getByRole('checkbox', { name: `Show archived (${count})` })

describe('archive, restore and delete', () => {
  it('archives a product out of its list and the unit editor’s picker, shows it when asked, and restores it', async () => {
    const { page } = await made.launch()
    await seedLab(page)
    const products = new ProductScreen(page)
    await products.startNew()
    await products.fillIdentity({ brand: 'Acme', model: 'AC-200', name: 'Acme Bulb', deviceType: 'Light' })
    await waitForSaved(page)
    const list = await products.openList()
    await list.getByRole('link', { name: 'AC-100' }).click()
    const productAddress = page.url()

    // A product with a unit cannot be deleted; keeping it changes nothing.
    await page.getByRole('button', { name: 'Delete product…' }).click()
    const refusal = page.getByRole('alertdialog', { name: 'Acme AC-100 cannot be deleted; archive it instead?' })
    expect(await refusal.textContent()).toContain('it is named by unit SN-0001')
    await refusal.getByRole('button', { name: 'Keep it' }).click()
    expect(await archivedNotice(page).count()).toBe(0)
    expect(await focused(page)).toBe('Delete product…')

    await page.getByRole('button', { name: 'Archive product' }).click()
    expect(await archivedNotice(page).textContent()).toMatch(/^Archived on \d{2}\/\d{2}\/\d{4} by Jo Doe\./)
    // Shown as kept, not changeable, until it is restored: no field takes typing, no photo can be added.
    await expect.poll(() => page.getByRole('textbox', { name: 'Brand' }).isDisabled()).toBe(true)
    expect(await page.getByRole('button', { name: 'Add ASIN' }).isDisabled()).toBe(true)
    expect(await page.getByRole('button', { name: 'Add photos…' }).count()).toBe(0)
    expect(await seriousAxeViolations(page)).toEqual([])

    await (await products.openList()).getByRole('link', { name: 'AC-200' }).waitFor()
    expect(await page.getByRole('link', { name: 'AC-100' }).count()).toBe(0)
    await showArchived(page, 1).check()
    const table = page.getByRole('table', { name: 'Products' })
    await table.getByRole('link', { name: 'AC-100' }).waitFor()
    await table.getByRole('columnheader', { name: /Archived/ }).waitFor()
    expect(await seriousAxeViolations(page)).toEqual([])

    // A new unit cannot be received for it; the unit it has still names it.
    await openSection(page, 'Tested units')
    await page.getByRole('link', { name: 'New unit' }).click()
    await expect.poll(() => optionsOf(page, 'Product')).toEqual(['Choose a product', 'Acme AC-200'])
    await openSection(page, 'Tested units')
    await page.getByRole('table', { name: 'Tested units' }).getByRole('link', { name: 'SN-0001' }).click()
    await page.getByRole('heading', { name: 'Unit SN-0001' }).waitFor()
    await expect
      .poll(async () => (await optionsOf(page, 'Product')).sort())
      .toEqual(['Acme AC-100 (archived)', 'Acme AC-200', 'Choose a product'])

    await page.goto(productAddress)
    expect(await page.getByRole('textbox', { name: 'Brand' }).isDisabled()).toBe(true)
    await page.getByRole('button', { name: 'Restore product' }).click()
    await page.getByRole('button', { name: 'Archive product' }).waitFor()
    // The page reads the product again, and the cursor stays where the person was: on the archive controls.
    await expect.poll(() => focused(page)).toBe('Archive product')
    expect(await archivedNotice(page).count()).toBe(0)
    expect(await page.getByRole('textbox', { name: 'Brand' }).isEnabled()).toBe(true)
    await page.getByRole('button', { name: 'Add photos…' }).waitFor()
    await (await products.openList()).getByRole('link', { name: 'AC-100' }).waitFor()
    expect(await showArchived(page, 0).count()).toBe(0)
    await openSection(page, 'Tested units')
    await page.getByRole('link', { name: 'New unit' }).click()
    await expect
      .poll(async () => (await optionsOf(page, 'Product')).sort())
      .toEqual(['Acme AC-100', 'Acme AC-200', 'Choose a product'])

    const trail = (await readStore(page, 'audit')) as { entity: { kind: string }; changes: { field: string }[] }[]
    const marks = trail.filter((e) => e.entity.kind === 'product' && e.changes.some((c) => c.field === 'archived'))
    expect(marks).toHaveLength(2)
  })

  it('refuses to delete a hub a product uses, naming it, archives it instead, and deletes an unused skill', async () => {
    const { page } = await made.launch()
    await seedLab(page)
    await new SimpleRecordScreen(page, 'Hubs', 'New hub').create({ Brand: 'Acme', 'Model number': 'HUB-2' })
    await new SimpleRecordScreen(page, 'Hubs', 'New hub').create({ Brand: 'Acme', 'Model number': 'HUB-3' })
    await new SimpleRecordScreen(page, 'Skills', 'New skill').create({
      'Skill name': 'Spare skill',
      'Skill ID': 'amzn1.ask.skill.12345678-1234-4234-8234-123456789abc',
    })
    const products = new ProductScreen(page)
    await products.startNew()
    await products.fillIdentity({
      brand: 'Acme',
      model: 'AC-200',
      name: 'Acme Bulb',
      deviceType: 'Light',
      connection: 'Through a hub',
      hub: 'Acme HUB-2',
    })
    await waitForSaved(page)

    await openSection(page, 'Hubs')
    await page.getByRole('link', { name: 'HUB-2' }).click()
    await page.getByRole('button', { name: 'Delete hub…' }).click()
    const refusal = page.getByRole('alertdialog', { name: 'Acme HUB-2 cannot be deleted; archive it instead?' })
    expect(await refusal.textContent()).toContain(
      'Acme HUB-2 cannot be deleted: it is named by product Acme AC-200. Archive it instead',
    )
    expect(await seriousAxeViolations(page)).toEqual([])
    await refusal.getByRole('button', { name: 'Archive instead' }).click()
    await archivedNotice(page).waitFor()
    await expect.poll(() => focused(page)).toBe('Restore hub')
    const hubs = (await readStore(page, 'hubs')) as { modelNumber: string; archived?: unknown }[]
    expect(hubs.filter((hub) => hub.archived !== undefined).map((hub) => hub.modelNumber)).toEqual(['HUB-2'])

    await openSection(page, 'Hubs')
    await showArchived(page, 1).waitFor()
    await page.getByRole('link', { name: 'HUB-3' }).waitFor()
    expect(await page.getByRole('link', { name: 'HUB-2' }).count()).toBe(0)
    // Another product cannot choose it; the one tested through it still names it.
    await products.startNew()
    await page.getByRole('combobox', { name: 'Connection to Alexa' }).selectOption({ label: 'Through a hub' })
    await expect.poll(() => optionsOf(page, 'Tested hub')).toEqual(['Not chosen yet', 'Acme HUB-3'])
    await expect.poll(() => optionsOf(page, 'Alexa skill')).toEqual(['No skill', 'Spare skill'])

    await openSection(page, 'Skills')
    await page.getByRole('link', { name: 'Spare skill' }).click()
    await page.getByRole('button', { name: 'Delete skill…' }).click()
    const question = page.getByRole('alertdialog', { name: 'Delete Spare skill?' })
    expect(await seriousAxeViolations(page)).toEqual([])
    await question.getByRole('button', { name: 'Delete Spare skill' }).click()
    await page.getByRole('heading', { name: 'Skills', level: 1 }).waitFor()
    await page.getByText('No skills yet.').waitFor()
    expect(await readStore(page, 'skills')).toEqual([])
    const trail = (await readStore(page, 'audit')) as { action: string; entity: { kind: string } }[]
    expect(trail.filter((e) => e.entity.kind === 'skill').map((e) => e.action)).toEqual(['create', 'delete'])
  })

  it('archives a plan and a unit a session ran, never deletes them, and the new session offers neither', async () => {
    const app = await made.launch()
    const { page } = app
    await seedRunningSession(app, await made.files(), 3)
    const sessionAddress = page.url()

    await openSection(page, 'Test plans')
    await page.getByRole('link', { name: 'smart plug plan' }).click()
    await page.getByRole('button', { name: 'Delete test plan…' }).click()
    const refusal = page.getByRole('alertdialog', { name: 'smart plug plan cannot be deleted; archive it instead?' })
    expect(await refusal.textContent()).toContain('it is named by 1 session, which ran version 1.')
    await refusal.getByRole('button', { name: 'Archive instead' }).click()
    await archivedNotice(page).waitFor()
    // Shown as kept, its cases in a table, not the editor's grid.
    await page.getByText('This test plan is archived, so it is shown as kept. Restore it to change it.').waitFor()
    expect(await page.getByRole('grid', { name: 'Cases' }).count()).toBe(0)
    await page.getByRole('table', { name: 'Cases' }).waitFor()
    // Archived, it still cannot be deleted, and says why.
    await page.getByRole('button', { name: 'Delete test plan…' }).click()
    expect(await page.getByRole('alert').textContent()).toContain('it is named by 1 session')
    expect(await seriousAxeViolations(page)).toEqual([])

    await openSection(page, 'Tested units')
    await page.getByRole('table', { name: 'Tested units' }).getByRole('link', { name: 'SN-0001' }).click()
    await page.getByRole('button', { name: 'Delete unit…' }).click()
    await page
      .getByRole('alertdialog', { name: 'Unit SN-0001 cannot be deleted; archive it instead?' })
      .getByRole('button', { name: 'Archive instead' })
      .click()
    await archivedNotice(page).waitFor()
    await expect.poll(() => page.getByRole('textbox', { name: 'Serial number' }).isDisabled()).toBe(true)
    expect(await page.getByRole('textbox', { name: 'Discovery response JSON' }).count()).toBe(0)
    expect(await seriousAxeViolations(page)).toEqual([])

    await openSection(page, 'Test plans')
    await page.getByText('Everything here is archived: choose Show archived (1) to see it.').waitFor()
    expect(await page.getByRole('link', { name: 'smart plug plan' }).count()).toBe(0)
    await showArchived(page, 1).check()
    await page.getByRole('link', { name: 'smart plug plan' }).waitFor()

    await openSection(page, 'Sessions')
    await page.getByRole('link', { name: 'New session' }).click()
    await page.getByRole('combobox', { name: 'Product' }).selectOption({ label: 'Acme AC-100' })
    expect(await optionsOf(page, 'Unit under test')).toEqual(['Choose the unit'])
    expect(await optionsOf(page, 'Test plan')).toEqual(['Choose a plan'])
    expect(await seriousAxeViolations(page)).toEqual([])

    // The session that ran them still shows them.
    await page.goto(sessionAddress)
    await page.getByRole('listbox', { name: 'Cases' }).waitFor()
    await page
      .getByText(/SN-0001/)
      .first()
      .waitFor()
    expect(await readStore(page, 'planVersions')).toHaveLength(1)
    app.assertClean()
  })
})
