import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { encodePng } from '../helpers/png'
import { launchApp, type App } from './harness'
import {
  BackupSettingsScreen,
  backupsIn,
  contentsOf,
  databasesOf,
  expectOneMatching,
  ledgerDatabase,
} from './pages/backups'
import { ProductScreen, UnitScreen, waitForSaved } from './pages/catalogue'

let app: App | undefined
let folder: string | undefined
afterEach(async () => {
  await app?.close()
  if (folder) await rm(folder, { recursive: true, force: true })
  app = undefined
  folder = undefined
})

const stores = ['products', 'units', 'files', 'thumbnails'] as const

async function addProduct(page: Page, model: string) {
  const products = new ProductScreen(page)
  await products.startNew()
  await products.fillIdentity({ brand: 'Acme', model, name: `Acme Sensor ${model}`, deviceType: 'Contact sensor' })
  await waitForSaved(page)
}

/** A unit of the product on screen, with one photo dropped on its gallery. */
async function addUnitWithPhoto(page: Page) {
  await page.getByRole('link', { name: 'Add unit' }).click()
  const unit = new UnitScreen(page)
  await unit.fill({
    serial: 'SN-1',
    firmware: '1.0',
    hardware: 'A',
    receivedOn: '2026-11-20',
    from: 'Acme Ltd.',
    condition: 'New, open box',
  })
  await waitForSaved(page)
  const png = Buffer.from(encodePng({ width: 64, height: 48, colour: { r: 200, g: 40, b: 90 } })).toString('base64')
  const dataTransfer = await page.evaluateHandle((base64) => {
    const transfer = new DataTransfer()
    transfer.items.add(
      new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], 'front.png', { type: 'image/png' }),
    )
    return transfer
  }, png)
  const gallery = page.getByRole('group', { name: 'Unit photos' })
  await gallery.dispatchEvent('dragover', { dataTransfer })
  await gallery.dispatchEvent('drop', { dataTransfer })
  expect(await unit.decodedThumbnails()).toBe(1)
  await waitForSaved(page)
}

describe('backups from Settings', () => {
  it(
    'writes an automatic backup at first start; backs up to a file, and restores it over newer data with records and photo bytes as they were',
    { timeout: 180_000 },
    async () => {
      app = await launchApp()
      const { page, profileDir } = app
      folder = await mkdtemp(join(tmpdir(), 'wwa-lab-backups-'))

      // The daily backup of a first start, written in the background into main's folder.
      await expect
        .poll(() => backupsIn(profileDir), { timeout: 20_000 })
        .toEqual([expect.stringMatching(/^wwa-lab-backup-.*-daily\.zip$/)])

      await addProduct(page, 'AC-1')
      await addUnitWithPhoto(page)
      const before = await contentsOf(page, 'wwa-lab', stores)
      expect(before.files).toHaveLength(1)
      expect(before.products).toHaveLength(1)

      const settings = new BackupSettingsScreen(page)
      await settings.open()
      const file = join(folder, 'lab-backup.zip')
      app.dialogs.answerSave(file)
      const started = Date.now()
      await settings.backUpNow()
      console.info(`[backups] Back up now to a file: ${Date.now() - started} ms`)
      await page.getByText(/^just now \(backup made with Back up now, /).waitFor()

      // Newer data than the backup: a second product.
      await addProduct(page, 'AC-2')
      expect((await contentsOf(page, 'wwa-lab', ['products'])).products).toHaveLength(2)

      await settings.open()
      app.dialogs.answerOpen([file])
      await settings.restoreFromFile()
      const ask = page.getByRole('alertdialog', { name: 'Restore lab-backup.zip over newer data?' })
      await ask.waitFor()
      expect(await ask.textContent()).toMatch(/its table products holds 2 records where the backup holds 1/)
      const restoring = Date.now()
      await ask.getByRole('button', { name: 'Restore anyway' }).click()

      // The window starts again on the restored database.
      await expect.poll(() => ledgerDatabase(profileDir), { timeout: 30_000 }).toMatch(/^wwa-lab-restored-/)
      await page
        .getByRole('navigation', { name: 'Sections' })
        .waitFor({ timeout: 30_000 })
        .catch(async (error: unknown) => {
          throw new Error(`No app after the restore; the window shows: ${await page.locator('body').innerText()}`, {
            cause: error,
          })
        })
      console.info(`[backups] restore, switch and restart: ${Date.now() - restoring} ms`)
      const restored = await ledgerDatabase(profileDir)
      expect(await contentsOf(page, restored, stores)).toEqual(before)
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Products' }).click()
      await page.getByRole('link', { name: /AC-1/ }).first().waitFor()
      expect(await page.getByRole('link', { name: /AC-2/ }).count()).toBe(0)

      // The database used before is kept, and the data it had was backed up before the restore.
      expect(await databasesOf(page)).toEqual(['wwa-lab', restored])
      expect((await contentsOf(page, 'wwa-lab', ['products'])).products).toHaveLength(2)
      expectOneMatching(await backupsIn(profileDir), /-before-restore\.zip$/)
      app.assertClean()
    },
  )
})
