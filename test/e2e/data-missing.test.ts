import { mkdtemp, open, readFile, rm, stat, truncate } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import type { LedgerState } from '../../core/bridge/ledger'
import { launchApp, type App } from './harness'
import { ProductScreen, waitForSaved } from './pages/catalogue'
import { dataFiles, ledgerPath, leveldbFolder, listing, logOf, overwriteMiddle } from './pages/damage'

// Damaging a profile and watching Chromium open it again takes a few launches per test.
const slow = { timeout: 180_000 }

let app: App | undefined
let profileDir: string | undefined
afterEach(async () => {
  await app?.close()
  if (profileDir) await rm(profileDir, { recursive: true, force: true })
  app = undefined
  profileDir = undefined
})

// What the recovery screen is titled when data is missing, or when Chromium will not read the files at all.
const recoveryTitle = /^(Some of the lab’s data is missing|The lab’s data cannot be read)$/

/** The newest audit entry's number in the page's database, read without creating the database if it is gone. */
const newestSeq = (page: Page) =>
  page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'wwa-lab')) return undefined
    return new Promise<number>((resolve, reject) => {
      const req = indexedDB.open('wwa-lab')
      req.onerror = () => reject(req.error)
      req.onsuccess = () => {
        const cursor = req.result.transaction('audit').objectStore('audit').openCursor(null, 'prev')
        cursor.onsuccess = () => {
          resolve(cursor.result ? (cursor.result.value as { seq: number }).seq : 0)
          req.result.close()
        }
      }
    })
  })

async function readLedger(profile: string): Promise<LedgerState> {
  return JSON.parse(await readFile(ledgerPath(profile), 'utf8')).state as LedgerState
}

/** Adds products through the editor, as a person does, and waits until main's ledger holds the newest write. */
async function addProducts(page: Page, profile: string, models: readonly string[]): Promise<void> {
  const products = new ProductScreen(page)
  for (const model of models) {
    await products.startNew()
    await products.fillIdentity({ brand: 'Acme', model, name: `Acme Plug ${model}`, deviceType: 'Smart plug' })
    await waitForSaved(page)
  }
  const seq = await newestSeq(page)
  await expect.poll(async () => (await readLedger(profile)).head?.seq, { timeout: 10_000 }).toBe(seq)
}

/** A profile whose lab holds a few products; the app closed normally after. */
async function profileWithData(models: readonly string[]) {
  profileDir = await mkdtemp(join(tmpdir(), 'wwa-lab-data-missing-'))
  app = await launchApp({ profileDir })
  await addProducts(app.page, profileDir, models)
  const seq = await newestSeq(app.page)
  await app.close()
  app = undefined
  return { profile: profileDir, seq: seq ?? 0 }
}

/**
 * Relaunches on the damaged profile: the recovery screen must appear, say what is
 * wrong, and the app must delete nothing. Returns its words and what Chromium left.
 */
async function relaunchOnDamage(profile: string, ledgerBefore: string) {
  app = await launchApp({ profileDir: profile })
  const { page } = app
  await page
    .getByRole('heading', { name: recoveryTitle })
    .waitFor({ timeout: 20_000 })
    .catch(async (error: unknown) => {
      // Say what the window shows instead, so a failure reads as what a person would have seen.
      throw new Error(`No recovery screen; the window shows: ${await page.locator('body').innerText()}`, {
        cause: error,
      })
    })
  const words = (await page.getByRole('alert').textContent()) ?? ''
  expect(await page.getByRole('navigation', { name: 'Sections' }).count()).toBe(0)
  expect(await page.getByText('Nothing was changed or deleted.').count()).toBe(1)

  // What Chromium left once it had opened the files, and the ledger, before the person chooses anything.
  const folder = await leveldbFolder(profile)
  const kept = await listing(folder)
  const databases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => `${d.name}@${d.version}`))
  expect(await readFile(ledgerPath(profile), 'utf8')).toBe(ledgerBefore)

  // The recovery screen itself deletes nothing: watched from before the app starts, over a reload.
  await app.context.addInitScript(() => {
    const calls: string[] = []
    ;(window as unknown as { deleted: string[] }).deleted = calls
    const original = indexedDB.deleteDatabase.bind(indexedDB)
    indexedDB.deleteDatabase = (name: string) => {
      calls.push(name)
      return original(name)
    }
  })
  await page.reload()
  await page.getByRole('heading', { name: recoveryTitle }).waitFor({ timeout: 20_000 })
  const wordsAgain = (await page.getByRole('alert').textContent()) ?? ''
  expect(await page.evaluate(() => (window as unknown as { deleted: string[] }).deleted)).toEqual([])
  const keptAgain = await listing(folder)
  // LevelDB's own lock and info log come and go with every open; the data files are what must stay.
  expect(dataFiles(keptAgain)).toEqual(dataFiles(kept))
  expect(await readFile(ledgerPath(profile), 'utf8')).toBe(ledgerBefore)
  expect(app.problems()).toEqual([])
  return { words, kept, databases, wordsAgain, keptAgain }
}

/** Writes about `bytes` of filler settings rows straight into the page's database. */
async function fillLog(page: Page, bytes: number): Promise<void> {
  await page.evaluate(
    (total) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('wwa-lab')
        req.onerror = () => reject(req.error)
        req.onsuccess = () => {
          const tx = req.result.transaction('settings', 'readwrite')
          const piece = 32 * 1024
          for (let i = 0; i * piece < total; i++)
            tx.objectStore('settings').put({ key: `e2e-filler-${i}`, value: `${i}`.padEnd(piece, 'x') })
          tx.oncomplete = () => {
            req.result.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
        }
      }),
    bytes,
  )
}

/** Overwrites the last `length` bytes of a file: a table file's index and footer, without which none of it reads. */
async function overwriteEnd(path: string, length: number): Promise<{ size: number }> {
  const { size } = await stat(path)
  const handle = await open(path, 'r+')
  try {
    await handle.write(new Uint8Array(Math.min(length, size)).fill(0xa5), 0, Math.min(length, size), size - length)
  } finally {
    await handle.close()
  }
  return { size }
}

const report = (what: string, before: Record<string, number>, found: Awaited<ReturnType<typeof relaunchOnDamage>>) =>
  console.info(
    `[data-missing] ${what}:\n` +
      `  files before: ${JSON.stringify(before)}\n` +
      `  after Chromium opened them: ${JSON.stringify(found.kept)}; databases listed: ${JSON.stringify(found.databases)}\n` +
      `  the screen said: ${found.words}\n` +
      `  after a reload: ${JSON.stringify(found.keptAgain)}; the screen said: ${found.wordsAgain}`,
  )

const tableOf = (files: Record<string, number>) => Object.keys(files).find((name) => name.endsWith('.ldb'))

describe('a damaged database is never opened as if it were whole', () => {
  it(
    'part of a table file (.ldb) overwritten: the recovery screen says what the ledger expected, and nothing is deleted',
    slow,
    async () => {
      const { profile, seq } = await profileWithData(['AC-1', 'AC-2', 'AC-3'])
      // Chromium moves the log into a table file once it holds a few MB: written here into a table the ledger
      // does not count (settings), in values small enough to stay inside LevelDB rather than beside it as blobs.
      app = await launchApp({ profileDir: profile })
      // The window reopens where it was closed (the last product's editor), so the shell says it is open, not a page.
      await app.page.getByRole('navigation', { name: 'Sections' }).waitFor()
      await fillLog(app.page, 8 * 1024 * 1024)
      await app.close()
      app = undefined
      const folder = await leveldbFolder(profile)
      const before = await listing(folder)
      const table = tableOf(before)
      expect(table, `a table file in ${JSON.stringify(before)}`).toBeDefined()
      const damage = await overwriteEnd(join(folder, table!), 512)
      const ledger = await readFile(ledgerPath(profile), 'utf8')

      const found = await relaunchOnDamage(profile, ledger)

      expect(found.words).toMatch(
        new RegExp(`^The last saved state had \\d+ audit entries ending at #${seq} \\(hash [0-9a-f]{8}…\\); `),
      )
      report(`.ldb overwritten (${table}: its last 512 bytes, the index and footer, of ${damage.size})`, before, found)
    },
  )

  it(
    'part of the log overwritten: the recovery screen says what the ledger expected, and nothing is deleted',
    slow,
    async () => {
      const { profile, seq } = await profileWithData(['AC-1', 'AC-2', 'AC-3'])
      const folder = await leveldbFolder(profile)
      const before = await listing(folder)
      const log = logOf(before)
      expect(log, `a log in ${JSON.stringify(before)}`).toBeDefined()
      const damage = await overwriteMiddle(join(folder, log!), 512)
      const ledger = await readFile(ledgerPath(profile), 'utf8')

      const found = await relaunchOnDamage(profile, ledger)

      expect(found.words).toMatch(
        new RegExp(`^The last saved state had \\d+ audit entries ending at #${seq} \\(hash [0-9a-f]{8}…\\); `),
      )
      report(`log overwritten (${log}: 512 bytes at ${damage.at} of ${damage.size})`, before, found)
    },
  )

  it(
    'the tail of the log cut off: the newest writes are gone, and the screen names the recorded head and where the database ends',
    slow,
    async () => {
      profileDir = await mkdtemp(join(tmpdir(), 'wwa-lab-data-missing-'))
      const profile = profileDir
      app = await launchApp({ profileDir: profile })
      await addProducts(app.page, profile, ['AC-1', 'AC-2'])
      const kept = (await newestSeq(app.page)) ?? 0
      const folder = await leveldbFolder(profile)
      const log = logOf(await listing(folder))
      expect(log).toBeDefined()
      // Everything written from here on is what a torn tail loses.
      const keptBytes = (await stat(join(folder, log!))).size
      await addProducts(app.page, profile, ['AC-3'])
      const seq = (await newestSeq(app.page)) ?? 0
      await app.close()
      app = undefined
      const before = await listing(folder)
      expect(logOf(before), 'the same log still holds the writes').toBe(log)
      // Cut inside the first write after the kept ones, as a power cut mid-write leaves it.
      await truncate(join(folder, log!), keptBytes + 20)
      const ledger = await readFile(ledgerPath(profile), 'utf8')

      const found = await relaunchOnDamage(profile, ledger)

      report(
        `log tail cut (${log} from ${before[log!]} to ${keptBytes + 20} bytes; entries 1–${kept} written before the cut, ${kept + 1}–${seq} after)`,
        before,
        found,
      )
      expect(found.words).toMatch(
        new RegExp(
          `^The last saved state had ${seq} audit entries ending at #${seq} \\(hash [0-9a-f]{8}…\\); the database now ends at #${kept}\\.`,
        ),
      )
    },
  )
})
