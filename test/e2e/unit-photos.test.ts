import { afterEach, describe, expect, it } from 'vitest'
import { encodePng } from '../helpers/png'
import { createFixtureFiles, type FixtureFiles } from './fixtures-files'
import { launchApp, type App } from './harness'
import { ProductScreen, readStore, UnitScreen, waitForSaved } from './pages/catalogue'

let app: App | undefined
let files: FixtureFiles | undefined
afterEach(async () => {
  await app?.close()
  await files?.remove()
  app = undefined
  files = undefined
})

async function openNewUnit(current: App) {
  const products = new ProductScreen(current.page)
  await products.startNew()
  await products.fillIdentity({ brand: 'Acme', model: 'AC-300', name: 'Acme Sensor', deviceType: 'Contact sensor' })
  await waitForSaved(current.page)
  await current.page.getByRole('link', { name: 'Add unit' }).click()
  const unit = new UnitScreen(current.page)
  await unit.fill({
    serial: 'SN-3',
    firmware: '3.0',
    hardware: 'A',
    receivedOn: '2026-11-20',
    from: 'Acme Ltd.',
    condition: 'New, open box',
  })
  await waitForSaved(current.page)
  return unit
}

describe('unit photos', () => {
  it('takes photos dropped on the gallery, with thumbnails', async () => {
    app = await launchApp()
    const unit = await openNewUnit(app)
    const png = Buffer.from(encodePng({ width: 320, height: 200, colour: { r: 10, g: 160, b: 90 } })).toString('base64')
    const dataTransfer = await app.page.evaluateHandle((base64) => {
      const transfer = new DataTransfer()
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
      transfer.items.add(new File([bytes], 'dropped.png', { type: 'image/png' }))
      return transfer
    }, png)
    const gallery = app.page.getByRole('group', { name: 'Unit photos' })
    await gallery.dispatchEvent('dragover', { dataTransfer })
    await gallery.dispatchEvent('drop', { dataTransfer })
    expect(await unit.decodedThumbnails()).toBe(1)
    await waitForSaved(app.page)
    expect(await gallery.getByRole('img').getAttribute('alt')).toBe('dropped.png')
    expect(await gallery.getByText('320×200').count()).toBe(1)
    app.assertClean()
  })

  it('refuses a log file passed as a photo, naming it, and stores nothing', async () => {
    app = await launchApp()
    files = await createFixtureFiles()
    await openNewUnit(app)
    app.dialogs.answerOpen([await files.text('bench.log', 'boot ok\nwifi joined\n')])
    await app.page.getByRole('button', { name: 'Add photos…' }).click()
    await app.page.getByRole('alert').filter({ hasText: 'bench.log is not a photo' }).waitFor()
    expect(await readStore(app.page, 'files')).toEqual([])
    expect(await app.page.getByRole('group', { name: 'Unit photos' }).getByRole('img').count()).toBe(0)
    app.assertClean()
  })
})
