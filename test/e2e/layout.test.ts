import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seriousAxeViolations } from './axe'
import { ProductScreen } from './pages/catalogue'
import { importPlan, seedLab, seedRunningSession } from './pages/sessions'
import { perTest } from './per-test'

const { launch, files } = perTest()

/** Every visible picker whose longest choice would not show whole when chosen: "label: choice needs n px, has m". */
async function cutPickers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const context = document.createElement('canvas').getContext('2d')
    if (context === null) throw new Error('No 2D canvas to measure text with')
    // The closed picker's arrow and its gap: what Chromium draws beside the text.
    const arrow = 20
    return [...document.querySelectorAll('select')]
      .filter((select) => select.getClientRects().length > 0)
      .flatMap((select) => {
        const style = getComputedStyle(select)
        context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
        const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - arrow
        return [...select.options]
          .map((option) => ({ text: option.text, width: context.measureText(option.text).width }))
          .filter((option) => option.width > room)
          .map(
            (option) =>
              `${select.labels[0]?.textContent ?? select.name}: "${option.text}" needs ${Math.ceil(option.width)} px, has ${Math.floor(room)}`,
          )
      })
  })
}

const sidebarTop = (page: Page) =>
  page.getByRole('navigation', { name: 'Sections' }).evaluate((nav) => nav.getBoundingClientRect().top)

describe('the layout at the sizes a lab works at', () => {
  it('keeps the sidebar in place on a long page and shows every picker choice whole at 1280 px', async () => {
    const app = await launch()
    const { page } = app
    await page.setViewportSize({ width: 1280, height: 720 })
    await seedLab(page)
    const products = new ProductScreen(page)
    await products.openList()
    await page.getByRole('link', { name: 'AC-100', exact: true }).click()
    await page.getByRole('combobox', { name: 'Connection to Alexa' }).waitFor()
    expect(await cutPickers(page)).toEqual([])

    const before = await sidebarTop(page)
    const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight)
    expect(pageHeight).toBeGreaterThan(720 * 1.5)
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300)
    expect(await sidebarTop(page)).toBe(before)
    await expect.poll(() => page.getByRole('link', { name: 'Settings' }).isVisible()).toBe(true)
    const settings = await page.getByRole('link', { name: 'Settings' }).boundingBox()
    expect(settings !== null && settings.y + settings.height <= 720).toBe(true)

    await page.getByRole('link', { name: 'Add unit' }).click()
    await page.getByRole('combobox', { name: 'Condition' }).waitFor()
    expect(await cutPickers(page)).toEqual([])
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Lab profile' }).click()
    await page.getByRole('heading', { name: 'Lab profile' }).waitFor()
    expect(await cutPickers(page)).toEqual([])
    expect(await seriousAxeViolations(page)).toEqual([])
    app.assertClean()
  })

  it('keeps the verdict buttons on one row at 1280 px and uses the width of a wide screen', async () => {
    const app = await launch()
    const { page } = app
    await page.setViewportSize({ width: 1280, height: 800 })
    await seedRunningSession(app, await files(), 5)
    const rows = async () =>
      new Set(
        await page
          .getByRole('group', { name: 'Verdict' })
          .getByRole('button')
          .evaluateAll((buttons) => buttons.map((button) => Math.round(button.getBoundingClientRect().top))),
      )
    expect((await rows()).size).toBe(1)
    expect(await page.getByRole('group', { name: 'Verdict' }).getByRole('button').count()).toBe(6)
    expect(await cutPickers(page)).toEqual([])

    await page.setViewportSize({ width: 1920, height: 1080 })
    const main = await page.getByRole('main').boundingBox()
    // The sidebar and the page's margins aside, the runner takes the screen: no narrow column in the middle.
    expect(main !== null && main.width).toBeGreaterThan(1600)
    expect((await rows()).size).toBe(1)
    expect(await seriousAxeViolations(page)).toEqual([])
    app.assertClean()
  })

  it("gives the plan editor's grid of cases the width of a wide screen", async () => {
    const app = await launch()
    const { page } = app
    await page.setViewportSize({ width: 1920, height: 1080 })
    await seedLab(page)
    await importPlan(app, await files(), 5)
    const grid = await page.getByRole('grid').boundingBox()
    // Seven columns of text: held to a form's reading width, the last of them was cut off even at 1280 px.
    expect(grid !== null && grid.width).toBeGreaterThan(1500)
    app.assertClean()
  })
})
