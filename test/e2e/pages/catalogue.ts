import { expect } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import type { DialogAnswers } from '../answered-dialogs'

/** Waits until the editor says everything typed is stored. */
export async function waitForSaved(page: Page): Promise<void> {
  await page.getByRole('status').filter({ hasText: 'All changes saved.' }).waitFor({ timeout: 10_000 })
}

/** The Lab profile screen, as a lab manager uses it. */
export class LabProfileScreen {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Lab profile' }).click()
    await this.page.getByRole('heading', { name: 'Lab profile' }).waitFor()
  }

  async fill(name: string, people: readonly { name: string; initials: string; role: string }[]) {
    await this.page.getByRole('textbox', { name: 'Lab name' }).fill(name)
    for (const [index, person] of people.entries()) {
      await this.page.getByRole('button', { name: 'Add person' }).click()
      const row = this.page.getByRole('group', { name: `Person ${index + 1}` })
      await row.getByRole('textbox', { name: 'Name' }).fill(person.name)
      await row.getByRole('textbox', { name: 'Initials' }).fill(person.initials)
      await row.getByRole('combobox', { name: 'Role' }).selectOption({ label: person.role })
    }
    await waitForSaved(this.page)
  }
}

/** The Hubs and Skills screens: a list and a one-page editor each. */
export class SimpleRecordScreen {
  constructor(
    private readonly page: Page,
    private readonly navLabel: string,
    private readonly newLabel: string,
  ) {}

  async create(fields: Record<string, string>, after?: (page: Page) => Promise<void>) {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: this.navLabel }).click()
    await this.page.getByRole('link', { name: this.newLabel }).click()
    for (const [label, value] of Object.entries(fields))
      await this.page.getByRole('textbox', { name: label, exact: true }).fill(value)
    await after?.(this.page)
    await waitForSaved(this.page)
  }
}

/** The product list and editor. */
export class ProductScreen {
  constructor(private readonly page: Page) {}

  async openList() {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Products' }).click()
    return this.page.getByRole('table', { name: 'Products' })
  }

  async startNew() {
    await this.openList()
    await this.page.getByRole('link', { name: 'New product' }).click()
    await this.page.getByRole('heading', { name: 'New product' }).waitFor()
  }

  async fillIdentity(p: {
    brand: string
    model: string
    name: string
    deviceType: string
    connection?: string
    hub?: string
    skill?: string
  }) {
    await this.page.getByRole('textbox', { name: 'Brand' }).fill(p.brand)
    await this.page.getByRole('textbox', { name: 'Model number' }).fill(p.model)
    await this.page.getByRole('textbox', { name: 'Product name' }).fill(p.name)
    await this.page.getByRole('combobox', { name: 'Device type' }).fill(p.deviceType)
    if (p.connection)
      await this.page.getByRole('combobox', { name: 'Connection to Alexa' }).selectOption({ label: p.connection })
    if (p.hub) await this.page.getByRole('combobox', { name: 'Tested hub' }).selectOption({ label: p.hub })
    if (p.skill) await this.page.getByRole('combobox', { name: 'Alexa skill' }).selectOption({ label: p.skill })
  }

  async requestMarketplaces(labels: readonly string[]) {
    for (const label of labels) await this.page.getByRole('checkbox', { name: label }).check()
  }

  async addAsin(marketplaceLabel: string, asin: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Add ASIN' }).click()
    const rows = this.page.getByRole('group', { name: /^ASIN \d+$/ })
    const row = rows.last()
    await row.getByRole('combobox', { name: 'Marketplace' }).selectOption({ label: marketplaceLabel })
    await row.getByRole('textbox', { name: 'ASIN' }).fill(asin)
    return row.getByRole('textbox', { name: 'ASIN' })
  }

  async addRetailId(kind: string, code: string): Promise<Locator> {
    await this.page.getByRole('button', { name: 'Add retail identifier' }).click()
    const row = this.page.getByRole('group', { name: /^Retail identifier \d+$/ }).last()
    await row.getByRole('combobox', { name: 'Kind' }).selectOption(kind)
    await row.getByRole('textbox', { name: 'Code' }).fill(code)
    return row.getByRole('textbox', { name: 'Code' })
  }
}

/** The tested-unit editor. */
export class UnitScreen {
  constructor(private readonly page: Page) {}

  async fill(u: {
    serial: string
    firmware: string
    hardware: string
    receivedOn: string
    from: string
    condition: string
  }) {
    await this.page.getByRole('textbox', { name: 'Serial number' }).fill(u.serial)
    await this.page.getByRole('textbox', { name: 'Firmware' }).fill(u.firmware)
    await this.page.getByRole('textbox', { name: 'Hardware revision' }).fill(u.hardware)
    await this.page.getByLabel('Received on').fill(u.receivedOn)
    await this.page.getByRole('textbox', { name: 'Received from' }).fill(u.from)
    await this.page.getByRole('combobox', { name: 'Condition' }).selectOption({ label: u.condition })
  }

  async addPhotosThroughDialog() {
    await this.page.getByRole('button', { name: 'Add photos…' }).click()
  }

  async pasteDiscovery(json: string) {
    await this.page.getByRole('textbox', { name: 'Discovery response JSON' }).fill(json)
    await this.page.getByRole('button', { name: 'Read discovery response' }).click()
  }

  /** How many thumbnails show a decoded image (naturalWidth > 0). */
  async decodedThumbnails(): Promise<number> {
    const gallery = this.page.getByRole('group', { name: 'Unit photos' })
    await gallery.getByRole('img').first().waitFor()
    return gallery
      .getByRole('img')
      .evaluateAll((images) => images.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length)
  }
}

/** A new product (Acme AC-300) and a received unit of it, its editor open and saved: where photo tests start. */
export async function openNewUnit(page: Page, serial = 'SN-3'): Promise<UnitScreen> {
  const products = new ProductScreen(page)
  await products.startNew()
  await products.fillIdentity({ brand: 'Acme', model: 'AC-300', name: 'Acme Sensor', deviceType: 'Contact sensor' })
  await waitForSaved(page)
  await page.getByRole('link', { name: 'Add unit' }).click()
  const unit = new UnitScreen(page)
  await unit.fill({
    serial,
    firmware: '3.0',
    hardware: 'A',
    receivedOn: '2026-11-20',
    from: 'Acme Ltd.',
    condition: 'New, open box',
  })
  await waitForSaved(page)
  return unit
}

/** Reads a whole object store straight from IndexedDB, bypassing the app, to see what was really stored. */
export async function readStore(page: Page, store: string): Promise<unknown[]> {
  return page.evaluate(
    (name) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('wwa-lab')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const request = db.transaction(name, 'readonly').objectStore(name).getAll()
          request.onsuccess = () => {
            db.close()
            resolve(
              request.result.map((row: Record<string, unknown>) => ({
                ...row,
                blob: row.blob instanceof Blob ? `Blob(${row.blob.size})` : row.blob,
              })),
            )
          }
          request.onerror = () => reject(request.error)
        }
      }),
    store,
  )
}

export const expectNoOutsideRequests = (requests: readonly string[]) => expect(requests).toEqual([])

/**
 * From a saved product's page: its tested unit SN-0001, received new and sealed, with one photo (the file at
 * `photo`, through the file dialog) and a discovery response in which Acme reports model AC-100; waits until saved.
 */
export async function addTestedUnit(page: Page, dialogs: Pick<DialogAnswers, 'answerOpen'>, photo: string) {
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
  dialogs.answerOpen([photo])
  await unit.addPhotosThroughDialog()
  await unit.decodedThumbnails()
  await unit.pasteDiscovery(
    '{"endpoints":[{"endpointId":"a","manufacturerName":"Acme","additionalAttributes":{"manufacturer":"Acme","model":"AC-100"}}]}',
  )
  await waitForSaved(page)
}
