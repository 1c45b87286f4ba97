import { afterEach, describe, expect, it } from 'vitest'
import { seriousAxeViolations } from './axe'
import { launchApp, type App } from './harness'
import { ProductScreen, readStore, UnitScreen, waitForSaved } from './pages/catalogue'

let app: App | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

const received = { firmware: '3.0', hardware: 'A', from: 'Acme Ltd.', condition: 'New, sealed' }

describe('serial numbers of tested units', () => {
  it('refuses a second unit with the serial of one already recorded for the product, and names the first', async () => {
    app = await launchApp()
    const { page } = app
    const products = new ProductScreen(page)
    await products.startNew()
    await products.fillIdentity({ brand: 'Acme', model: 'AC-300', name: 'Acme Sensor', deviceType: 'Contact sensor' })
    await waitForSaved(page)
    const productAddress = page.url()

    await page.getByRole('link', { name: 'Add unit' }).click()
    const unit = new UnitScreen(page)
    await unit.fill({ serial: 'SN-300', receivedOn: '2026-11-02', ...received })
    await waitForSaved(page)
    await page.getByRole('heading', { name: 'Unit SN-300' }).waitFor()
    const firstAddress = page.url()

    await page.goto(productAddress)
    await page.getByRole('link', { name: 'Add unit' }).click()
    await unit.fill({ serial: ' sn-300', receivedOn: '2026-11-20', ...received })
    const serial = page.getByRole('textbox', { name: 'Serial number' })
    const message =
      'Serial number SN-300 is already recorded for this product (unit SN-300, received on 11/02/2026 from Acme Ltd.): open that unit instead, or correct the serial number.'
    await expect.poll(() => serial.getAttribute('aria-invalid')).toBe('true')
    const describedBy = (await serial.getAttribute('aria-describedby')) ?? ''
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toBe(message)
    expect(await seriousAxeViolations(page)).toEqual([])
    // Given time to save, it still stores one unit only.
    await page.waitForTimeout(500)
    const units = (await readStore(page, 'units')) as { serialNumber: string }[]
    expect(units.map((u) => u.serialNumber)).toEqual(['SN-300'])

    await page.getByRole('link', { name: 'Open unit SN-300' }).click()
    await page.getByRole('heading', { name: 'Unit SN-300' }).waitFor()
    expect(page.url()).toBe(firstAddress)
    app.assertClean()
  })

  it('takes the same serial on another product', async () => {
    app = await launchApp()
    const { page } = app
    const products = new ProductScreen(page)
    for (const model of ['AC-300', 'AC-400']) {
      await products.startNew()
      await products.fillIdentity({ brand: 'Acme', model, name: `Acme ${model}`, deviceType: 'Contact sensor' })
      await waitForSaved(page)
      await page.getByRole('link', { name: 'Add unit' }).click()
      await new UnitScreen(page).fill({ serial: 'SN-1', receivedOn: '2026-11-02', ...received })
      await waitForSaved(page)
    }
    expect(((await readStore(page, 'units')) as unknown[]).length).toBe(2)
    app.assertClean()
  })
})
