import { afterEach, describe, expect, it } from 'vitest'
import { launchApp, type App } from './harness'
import { createFixtureFiles, type FixtureFiles } from './fixtures-files'
import {
  LabProfileScreen,
  ProductScreen,
  readStore,
  SimpleRecordScreen,
  UnitScreen,
  waitForSaved,
} from './pages/catalogue'

const discoveryResponse = JSON.stringify({
  event: {
    header: { namespace: 'Alexa.Discovery', name: 'Discover.Response', payloadVersion: '3', messageId: 'm-1' },
    payload: {
      endpoints: [
        {
          endpointId: 'plug-1',
          manufacturerName: 'Acme',
          friendlyName: 'Bench plug',
          description: 'Smart plug',
          displayCategories: ['SMARTPLUG'],
          additionalAttributes: { manufacturer: 'Acme', model: 'AC-100', firmwareVersion: '1.2.3' },
          capabilities: [],
        },
      ],
    },
  },
})

let app: App | undefined
let files: FixtureFiles | undefined
afterEach(async () => {
  await app?.close()
  await files?.remove()
  app = undefined
  files = undefined
})

describe('the catalogue, as a new lab uses it', () => {
  it('keeps a lab profile, product, hub, skill and unit with photos across a reload and a relaunch', async () => {
    app = await launchApp()
    files = await createFixtureFiles()
    const { page } = app

    await new LabProfileScreen(page).open()
    await new LabProfileScreen(page).fill('North Bench Lab', [{ name: 'Jo Doe', initials: 'JD', role: 'Lab tester' }])

    await new SimpleRecordScreen(page, 'Hubs', 'New hub').create(
      { Brand: 'Acme', 'Model number': 'HUB-2', Name: 'Acme Bridge', Firmware: '4.0' },
      async (p) => {
        await p.getByRole('button', { name: 'Add hub ASIN' }).click()
        await p.getByRole('textbox', { name: 'ASIN' }).fill('B0HUBHUB01')
      },
    )
    await new SimpleRecordScreen(page, 'Skills', 'New skill').create({
      'Skill name': 'Acme Home',
      'Skill ID': 'amzn1.ask.skill.12345678-1234-4234-8234-123456789abc',
    })

    const products = new ProductScreen(page)
    await products.startNew()
    await products.fillIdentity({
      brand: 'Acme',
      model: 'AC-100',
      name: 'Acme Smart Plug',
      deviceType: 'Plug',
      connection: 'Through a hub',
      hub: 'Acme HUB-2',
      skill: 'Acme Home',
    })
    await products.requestMarketplaces(['United States (US)', 'Germany (DE)'])
    await products.addAsin('United States (US)', 'B0ABCDEF12')
    await products.addAsin('Germany (DE)', 'B0ABCDEF34')
    await products.addRetailId('UPC-A', '036000291452')
    await waitForSaved(page)

    await page.getByRole('link', { name: 'Add unit' }).click()
    const unit = new UnitScreen(page)
    await unit.fill({
      serial: 'SN-0001',
      firmware: '1.2.3',
      hardware: 'B',
      receivedOn: '2026-11-18',
      from: 'Acme Ltd.',
      condition: 'New, sealed',
    })
    const front = await files.png('front.png', { width: 640, height: 480, colour: { r: 200, g: 30, b: 30 } })
    const back = await files.png('back.png', { width: 480, height: 640, colour: { r: 30, g: 30, b: 200 } })
    app.dialogs.answerOpen([front, back])
    await unit.addPhotosThroughDialog()
    expect(await unit.decodedThumbnails()).toBe(2)
    await unit.pasteDiscovery(discoveryResponse)
    await expect.poll(() => page.getByText('Model: pass').count()).toBe(1)
    await waitForSaved(page)
    const unitAddress = page.url()
    expect(unitAddress).toMatch(/#\/units\/[0-9a-f-]{36}$/)

    const expectEverythingThere = async (current: App) => {
      const p = current.page
      await p.goto(unitAddress)
      await p.getByRole('heading', { name: 'Unit SN-0001' }).waitFor()
      expect(await p.getByRole('textbox', { name: 'Firmware' }).inputValue()).toBe('1.2.3')
      expect(await new UnitScreen(p).decodedThumbnails()).toBe(2)
      expect(
        await p
          .getByRole('group', { name: 'Unit photos' })
          .getByRole('img')
          .evaluateAll((imgs) => imgs.map((i) => i.getAttribute('alt'))),
      ).toEqual(['front.png', 'back.png'])
      await p.getByText('Model: pass').waitFor()

      const list = await new ProductScreen(p).openList()
      await list.getByRole('link', { name: 'AC-100' }).click()
      await p.getByRole('heading', { name: 'Acme AC-100' }).waitFor()
      const asins = p.getByRole('group', { name: /^ASIN \d+$/ })
      expect(
        await asins
          .getByRole('textbox', { name: 'ASIN' })
          .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)),
      ).toEqual(['B0ABCDEF12', 'B0ABCDEF34'])
      // The pickers fill once their records are read: a window starting after a crash takes longer.
      await expect
        .poll(() => p.getByRole('combobox', { name: 'Tested hub' }).locator('option:checked').textContent())
        .toBe('Acme HUB-2')
      await expect
        .poll(() => p.getByRole('combobox', { name: 'Alexa skill' }).locator('option:checked').textContent())
        .toBe('Acme Home')

      await p.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Lab profile' }).click()
      expect(await p.getByRole('textbox', { name: 'Lab name' }).inputValue()).toBe('North Bench Lab')
      expect(await p.getByRole('textbox', { name: 'Initials' }).inputValue()).toBe('JD')
    }

    await page.reload()
    await expectEverythingThere(app)
    app = await app.relaunch()
    await expectEverythingThere(app)
    // And after a crash: the browser killed (SIGKILL), nothing flushed, everything saved is still there.
    await app.kill()
    app = await app.relaunch()
    await expectEverythingThere(app)

    const stored = await readStore(app.page, 'files')
    // The two photos, and the pasted discovery response kept as evidence.
    expect(stored).toHaveLength(3)
    expect(stored).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'front.png',
          mime: 'image/png',
          width: 640,
          height: 480,
          sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        }),
        expect.objectContaining({ name: 'back.png', width: 480, height: 640 }),
        expect.objectContaining({ mime: 'application/json', size: Buffer.byteLength(discoveryResponse) }),
      ]),
    )
    expect(app.requestsOutsideOrigin).toEqual([])
    app.assertClean()
  })

  it('shows a clear message at an invalid ASIN and at a wrong check digit, and saves neither', async () => {
    app = await launchApp()
    const { page } = app
    const products = new ProductScreen(page)
    await products.startNew()
    await products.fillIdentity({ brand: 'Acme', model: 'AC-200', name: 'Acme Dimmer', deviceType: 'Switch' })
    await products.requestMarketplaces(['United States (US)'])
    await waitForSaved(page)

    const asin = await products.addAsin('United States (US)', 'B0ABC-12')
    await expect.poll(() => asin.getAttribute('aria-invalid')).toBe('true')
    const asinMessage = await page.locator(`#${await asin.getAttribute('aria-describedby')}`).textContent()
    expect(asinMessage).toMatch(/ASIN/)
    await page
      .getByRole('group', { name: 'ASIN 1' })
      .getByRole('button', { name: /Remove ASIN/ })
      .click()

    const code = await products.addRetailId('EAN-13', '4006381333932')
    await expect.poll(() => code.getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator(`#${await code.getAttribute('aria-describedby')}`).textContent()).toMatch(
      /check digit should be 1/i,
    )
    await page.getByRole('status').filter({ hasText: 'Not saved' }).waitFor()

    await page.waitForTimeout(600)
    const [product] = (await readStore(page, 'products')) as { asins: unknown[]; retailIds: unknown[] }[]
    expect(product?.asins).toEqual([])
    expect(product?.retailIds).toEqual([])
    app.assertClean()
  })
})
