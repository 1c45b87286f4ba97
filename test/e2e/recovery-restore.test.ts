import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { launchApp, type App } from './harness'
import { BackupSettingsScreen, backupFolder, backupsIn, ledgerDatabase } from './pages/backups'
import { ProductScreen, waitForSaved } from './pages/catalogue'
import { dataFiles, ledgerPath, leveldbFolder, listing, logOf, overwriteMiddle } from './pages/damage'

let app: App | undefined
let profileDir: string | undefined
afterEach(async () => {
  await app?.close()
  if (profileDir) await rm(profileDir, { recursive: true, force: true })
  app = undefined
  profileDir = undefined
})

async function addProduct(page: Page, model: string) {
  const products = new ProductScreen(page)
  await products.startNew()
  await products.fillIdentity({ brand: 'Acme', model, name: `Acme Plug ${model}`, deviceType: 'Smart plug' })
  await waitForSaved(page)
}

const productRows = (page: Page) => page.getByRole('table', { name: 'Products' }).getByRole('row')

describe('a damaged database, and a backup to go back to', () => {
  it(
    'lands on the recovery screen, which names the newest backup, restores it and brings the data back, deleting nothing before the person chose',
    { timeout: 180_000 },
    async () => {
      profileDir = await mkdtemp(join(tmpdir(), 'wwa-lab-recovery-restore-'))
      app = await launchApp({ profileDir })
      for (const model of ['AC-1', 'AC-2']) await addProduct(app.page, model)
      // Backed up into main's backup folder with Back up now, as a careful lab does before the weekend.
      const settings = new BackupSettingsScreen(app.page)
      await settings.open()
      // A save dialog picks a folder that exists; the first daily backup makes this one only after the first paint.
      await mkdir(backupFolder(profileDir), { recursive: true })
      app.dialogs.answerSave(join(backupFolder(profileDir), 'friday.zip'))
      await settings.backUpNow()
      await app.close()
      app = undefined

      // The disk garbles part of the newest LevelDB log.
      const folder = await leveldbFolder(profileDir)
      const log = logOf(await listing(folder))
      expect(log).toBeDefined()
      await overwriteMiddle(join(folder, log!), 512)
      const ledgerBefore = await readFile(ledgerPath(profileDir), 'utf8')
      const backupsBefore = await backupsIn(profileDir)

      app = await launchApp({ profileDir })
      const { page } = app
      await page
        .getByRole('heading', { name: /^(Some of the lab’s data is missing|The lab’s data cannot be read)$/ })
        .waitFor({ timeout: 30_000 })
      await page.getByRole('heading', { name: 'Newest good backup' }).waitFor({ timeout: 30_000 })
      expect(await page.getByText('friday.zip', { exact: true }).count()).toBe(1)
      // Nothing deleted or rewritten while the screen waits for the person.
      const keptBeforeChoice = dataFiles(await listing(folder))
      await page.waitForTimeout(1_000)
      expect(dataFiles(await listing(folder))).toEqual(keptBeforeChoice)
      expect(await readFile(ledgerPath(profileDir), 'utf8')).toBe(ledgerBefore)
      expect(await backupsIn(profileDir)).toEqual(backupsBefore)

      const started = Date.now()
      await page.getByRole('button', { name: 'Restore this backup' }).click()
      // The window starts again on the restored database.
      await page.getByRole('heading', { name: 'Products' }).waitFor({ timeout: 60_000 })
      console.info(`[recovery-restore] restored and reopened in ${Date.now() - started} ms`)
      await expect.poll(async () => productRows(page).count(), { timeout: 15_000 }).toBe(3) // header + 2
      expect(await productRows(page).nth(1).textContent()).toMatch(/AC-/)
      expect(await ledgerDatabase(profileDir)).toMatch(/^wwa-lab-restored-/)
      // Every backup is still there. (The origin's one LevelDB now also holds the restored database, so its
      // files are compared only up to the person's choice: Chromium itself discards a log it cannot read.)
      expect(await backupsIn(profileDir)).toEqual(expect.arrayContaining(backupsBefore))

      // And it stays restored across a restart.
      app = await app.relaunch()
      await app.page.getByRole('heading', { name: 'Products' }).waitFor({ timeout: 30_000 })
      await expect.poll(async () => productRows(app!.page).count(), { timeout: 15_000 }).toBe(3)
      expect(app.problems()).toEqual([])
    },
  )
})
