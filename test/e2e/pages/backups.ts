import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

/** main's own folder in a test profile: the ledger and the backups live there. */
export const mainFolder = (profile: string) => join(profile, 'wwa-lab-main')
export const backupFolder = (profile: string) => join(mainFolder(profile), 'backups')

export const backupsIn = async (profile: string): Promise<string[]> =>
  (await readdir(backupFolder(profile)).catch(() => [])).sort()

/** The database main's ledger names as the lab's now. */
export async function ledgerDatabase(profile: string): Promise<string> {
  const file = JSON.parse(await readFile(join(mainFolder(profile), 'ledger.json'), 'utf8')) as {
    state: { database: string }
  }
  return file.state.database
}

/**
 * What a database holds, read straight from IndexedDB: every row of the given
 * stores, with each Blob as its size, type and SHA-256, so photos compare byte for byte.
 */
export async function contentsOf(page: Page, database: string, stores: readonly string[]) {
  return page.evaluate(
    async ({ database, stores }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(database)
        open.onerror = () => reject(open.error)
        open.onsuccess = () => resolve(open.result)
      })
      const hex = (buffer: ArrayBuffer) =>
        Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('')
      const out: Record<string, unknown[]> = {}
      for (const store of stores) {
        const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
          const request = db.transaction(store, 'readonly').objectStore(store).getAll()
          request.onsuccess = () => resolve(request.result as Record<string, unknown>[])
          request.onerror = () => reject(request.error)
        })
        out[store] = await Promise.all(
          rows.map(async (row) => {
            const plain: Record<string, unknown> = {}
            for (const [key, value] of Object.entries(row)) {
              plain[key] =
                value instanceof Blob
                  ? {
                      size: value.size,
                      type: value.type,
                      sha256: hex(await crypto.subtle.digest('SHA-256', await value.arrayBuffer())),
                    }
                  : value
            }
            return plain
          }),
        )
      }
      db.close()
      return out
    },
    { database, stores },
  )
}

/** The names of the databases the page's profile holds. */
export const databasesOf = (page: Page) =>
  page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').sort())

/** Settings → Backups, as a lab manager uses it. */
export class BackupSettingsScreen {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Settings' }).click()
    await this.page.getByRole('region', { name: 'Backups' }).waitFor()
  }

  async backUpNow() {
    await this.page.getByRole('button', { name: 'Back up now' }).click()
    await this.page
      .getByRole('status')
      .filter({ hasText: /^Backed up to / })
      .waitFor({ timeout: 30_000 })
  }

  async restoreFromFile() {
    await this.page.getByRole('button', { name: 'Restore from a file…' }).click()
  }
}

export const expectOneMatching = (names: readonly string[], pattern: RegExp) =>
  expect(names.filter((n) => pattern.test(n))).toHaveLength(1)
