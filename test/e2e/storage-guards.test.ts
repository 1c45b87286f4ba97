import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { sealEntry, type AuditEntry } from '../../core/audit/audit-entry'
import { knownVersion } from '../../renderer/storage/lab-db'
import { aProduct } from '../helpers/records'
import { launchApp, type App } from './harness'

let app: App | undefined
afterEach(async () => {
  await app?.close()
  app = undefined
})

/** A long trail about one product's units, sealed as the app seals it, with the subjects the app gives it. */
function unitTrail(length: number): (AuditEntry & { subjects: string[] })[] {
  const entries: (AuditEntry & { subjects: string[] })[] = []
  for (let i = 0; i < length; i++) {
    const entry = sealEntry(entries.at(-1), {
      at: new Date(Date.UTC(2022, 0, 1) + i * 60_000).toISOString(),
      actor: { id: 'jd', name: 'Jo Doe' },
      entity: { kind: 'unit', id: `u-${i}`, label: `Unit SN-${i}` },
      action: 'create',
      changes: [{ field: 'serialNumber', before: undefined, after: `SN-${i}` }],
    })
    entries.push({ ...entry, subjects: [`unit:u-${i}`, 'product:p-1'] })
  }
  return entries
}

/** Puts rows into one object store of the app's database, in a transaction of its own, from the page: as storage holds them, bypassing the app. */
async function inStore(page: Page, store: string, rows: readonly unknown[]): Promise<void> {
  await page.evaluate(
    ([name, values]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('wwa-lab')
        open.onsuccess = () => {
          const tx = open.result.transaction(name, 'readwrite')
          for (const value of values) tx.objectStore(name).put(value)
          tx.oncomplete = () => {
            open.result.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
        }
        open.onerror = () => reject(open.error)
      }),
    [store, rows] as const,
  )
}

describe('the audit trail of years of history', () => {
  it('checks a long trail in a worker, keeps a checkpoint, and finds an old change only a whole check can see', async () => {
    app = await launchApp()
    const { page } = app
    const workers: string[] = []
    page.on('worker', (worker) => workers.push(worker.url()))
    const trail = unitTrail(6_000)
    // The app opens (and creates) its database only after reading main's ledger: written to before then, the
    // database would be made empty by this test's own open and the app's upgrade blocked behind it.
    await page.getByRole('heading', { name: 'Welcome to WWA Lab' }).waitFor() // a new installation's first screen
    await inStore(page, 'products', [aProduct()])
    await inStore(page, 'audit', trail)

    await page.goto(`${new URL(page.url()).origin}/#/products/p-1`)
    await page.getByText('Audit trail of this product, its units and sessions').click()
    // The newest page shows at once; the 6,000 entries since no checkpoint are checked in the background.
    await page.getByRole('table', { name: 'Audit entries' }).waitFor()
    expect(await page.getByText('The newest 100 entries of 6,000, newest first.').count()).toBe(1)
    await page.getByText('Intact: all 6000 entries of the audit trail verify.').waitFor({ timeout: 30_000 })
    expect(workers.some((url) => url.includes('audit-chain'))).toBe(true)

    // An entry far behind the checkpoint, never on screen, changed in storage.
    await inStore(page, 'audit', [{ ...trail[9]!, actor: { id: 'x', name: 'Somebody else' } }])
    await page.getByRole('button', { name: 'Check again' }).click()
    await page.getByText('Intact: all 6000 entries of the audit trail verify.').waitFor()
    await page.getByRole('button', { name: 'Check the whole trail' }).click()
    const alert = page.getByRole('alert').filter({ hasText: 'Not intact' })
    await alert.waitFor({ timeout: 30_000 })
    expect(await alert.textContent()).toContain('Entry 10 was changed after it was written')
    app.assertClean()
  })
})

describe('start-up', () => {
  it('shows the recovery screen for a database a newer release wrote, and leaves it as it was', async () => {
    app = await launchApp()
    const { page } = app
    const newer = (knownVersion + 1) * 10
    await page.getByRole('heading', { name: 'Welcome to WWA Lab' }).waitFor() // a new installation's first screen
    // A newer release upgrades the database: the running app lets go of it, as Dexie does on versionchange.
    await page.evaluate(
      (version) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('wwa-lab', version)
          open.onupgradeneeded = () =>
            open.result
              .createObjectStore('storesOfALaterRelease', { keyPath: 'id' })
              .put({ id: 'snap-1', asin: 'B0ABCDEF12' })
          open.onsuccess = () => {
            open.result.close()
            resolve()
          }
          open.onerror = () => reject(open.error)
          open.onblocked = () => reject(new Error('the app did not let go of the database'))
        }),
      newer,
    )
    // The running window lets go of the data for good and says why, instead of reopening (and adapting) it.
    await page.getByText('upgraded the lab’s data while this window was open').waitFor()
    await page.reload()
    await page.getByRole('heading', { name: 'WWA Lab cannot open the lab’s data' }).waitFor()
    expect(await page.getByRole('alert').textContent()).toContain(`storage version ${knownVersion + 1}`)

    const after = await page.evaluate(
      () =>
        new Promise<{ version: number; stores: string[]; snapshot: unknown; products: number }>((resolve, reject) => {
          const open = indexedDB.open('wwa-lab')
          open.onsuccess = () => {
            const db = open.result
            const tx = db.transaction(['storesOfALaterRelease', 'products'])
            const snapshot = tx.objectStore('storesOfALaterRelease').get('snap-1')
            const products = tx.objectStore('products').count()
            tx.oncomplete = () => {
              resolve({
                version: db.version,
                stores: [...db.objectStoreNames],
                snapshot: snapshot.result,
                products: products.result,
              })
              db.close()
            }
          }
          open.onerror = () => reject(open.error)
        }),
    )
    expect(after.version).toBe(newer)
    expect(after.stores).toContain('storesOfALaterRelease')
    expect(after.snapshot).toEqual({ id: 'snap-1', asin: 'B0ABCDEF12' })
    expect(app.problems()).toEqual([])
  })
})
