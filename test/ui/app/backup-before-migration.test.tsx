import '../../unit/renderer/storage/backup/file-reader-shim'
import { render, screen } from '@testing-library/react'
import { IDBFactory } from 'fake-indexeddb'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { LabBridge } from '../../../core/bridge/contract'
import { start } from '../../../renderer/app/start'
import { knownVersion } from '../../../renderer/storage/lab-db'
import { siblingsOf } from '../../helpers/backup-actions'
import { servicesOnDisk, type ServicesOnDisk } from '../../unit/main/services/files/lab-over-dispatch'

let disk: ServicesOnDisk | undefined
afterEach(async () => {
  await disk?.remove()
  disk = undefined
})

const name = 'wwa-lab-test'
const probeImage = () => Promise.reject(new Error('not used'))
const noTimers = { setInterval: () => 0, clearInterval: () => undefined }

/** A database as the release of schema version 2 left it: a product, and a setting. */
async function writtenByVersion2(factory: IDBFactory) {
  const old = siblingsOf(factory).open(name, 2)
  await old.open()
  await old.table('products').put({ id: 'p1', brand: 'Acme', model: 'AC-1' })
  await old.table('settings').put({ key: 'workingAs', value: 'ana' })
  old.close()
}

const versionOf = async (factory: IDBFactory) => (await factory.databases()).find((d) => d.name === name)?.version

function startOn(factory: IDBFactory, lab: LabBridge) {
  const { open } = siblingsOf(factory)
  return start({ db: open(name), labDbAt: open, indexedDB: factory, lab, probeImage, timers: noTimers })
}

describe('the backup before a schema migration', () => {
  it('writes a backup of the data as the older version holds it, then upgrades', async () => {
    disk = await servicesOnDisk()
    const factory = new IDBFactory()
    await writtenByVersion2(factory)
    let versionWhenBackedUp: number | undefined
    const begin = disk.lab.backups.begin
    const lab: LabBridge = {
      ...disk.lab,
      backups: {
        ...disk.lab.backups,
        begin: async (request) => {
          if (request.target === 'folder' && request.reason === 'before-migration')
            versionWhenBackedUp = await versionOf(factory)
          return begin(request)
        },
      },
    }

    render(await startOn(factory, lab))
    expect(await screen.findByRole('navigation', { name: 'Sections' })).toBeInTheDocument()

    expect(versionWhenBackedUp).toBe(20)
    expect(await versionOf(factory)).toBe(knownVersion * 10)
    const folder = join(disk.userDataDir, 'backups')
    const names = (await readdir(folder)).filter((n) => n.endsWith('-before-migration.zip'))
    expect(names).toHaveLength(1)
    const zip = unzipSync(new Uint8Array(await readFile(join(folder, names[0]!))))
    const manifest = JSON.parse(new TextDecoder().decode(zip['manifest.json']))
    expect(manifest).toMatchObject({ reason: 'before-migration', schemaVersion: 2, database: name })
    expect(manifest.counts).toMatchObject({ products: 1, settings: 1 })
    expect(new TextDecoder().decode(zip['records.json'])).toContain('"model":"AC-1"')
  })

  it('does not migrate when the backup fails, and says so on the recovery screen', async () => {
    disk = await servicesOnDisk()
    const factory = new IDBFactory()
    await writtenByVersion2(factory)
    const lab: LabBridge = {
      ...disk.lab,
      backups: {
        ...disk.lab.backups,
        begin: vi.fn(async () => ({
          ok: false as const,
          problem: {
            code: 'io-failed' as const,
            message: 'Could not make the backup folder /data/backups: the disk is full.',
          },
        })),
      },
    }

    render(await startOn(factory, lab))

    expect(screen.getByRole('heading', { name: 'WWA Lab did not upgrade the lab’s data' })).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent(
      `WWA Lab needs to upgrade your data from version 2 to ${knownVersion} and backs it up first; the backup failed: Could not make the backup folder /data/backups: the disk is full. Nothing was changed.`,
    )
    expect(screen.queryByRole('navigation', { name: 'Sections' })).toBeNull()
    // Still version 2, with its data.
    expect(await versionOf(factory)).toBe(20)
    const old = siblingsOf(factory).open(name, 2)
    await old.open()
    expect(await old.table('products').get('p1')).toMatchObject({ model: 'AC-1' })
    old.close()
  })

  it('writes no backup when the database is already at this version', async () => {
    disk = await servicesOnDisk()
    const factory = new IDBFactory()
    const current = siblingsOf(factory).open(name)
    await current.open()
    current.close()
    const begin = vi.spyOn(disk.lab.backups, 'begin')
    render(await startOn(factory, disk.lab))
    expect(await screen.findByRole('navigation', { name: 'Sections' })).toBeInTheDocument()
    expect(begin.mock.calls.filter(([r]) => r.target === 'folder' && r.reason === 'before-migration')).toEqual([])
  })
})
