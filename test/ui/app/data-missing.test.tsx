import { render, screen } from '@testing-library/react'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { LabBridge } from '../../../core/bridge/contract'
import { openAgainstLedger } from '../../../renderer/app/open-against-ledger'
import { RecoveryScreen } from '../../../renderer/app/RecoveryScreen'
import { start } from '../../../renderer/app/start'
import { knownVersion, LabDb } from '../../../renderer/storage/lab-db'
import { createRepositories } from '../../../renderer/storage/repositories'
import { valueOf } from '../../helpers/outcome'
import { aProduct } from '../../helpers/records'
import { servicesOnDisk, type ServicesOnDisk } from '../../unit/main/services/files/lab-over-dispatch'

const probeImage = () => Promise.reject(new Error('not used'))

let on: ServicesOnDisk | undefined
let restarted: ServicesOnDisk | undefined
afterEach(async () => {
  await restarted?.remove()
  await on?.remove()
  on = undefined
  restarted = undefined
})

const labDb = (factory: IDBFactory) => new LabDb('wwa-lab', { indexedDB: factory, IDBKeyRange })

/**
 * A lab with `products` products saved as the app saves them, main's real
 * ledger recording each write; the database is closed after, as at quitting.
 */
async function savedLab(products: number) {
  on = await servicesOnDisk()
  const factory = new IDBFactory()
  const opened = await openAgainstLedger({ db: labDb(factory), indexedDB: factory, lab: on.lab })
  if (!opened.ok) throw new Error(`the first start failed: ${opened.failure.kind}`)
  const repos = createRepositories(opened.db, { probeImage, committed: () => opened.keeper.written() })
  for (let i = 1; i <= products; i++)
    valueOf(await repos.products.save(aProduct({ id: `p-${i}`, modelNumber: `AC-${i}` })))
  await opened.keeper.settled()
  opened.db.close()
  const ledgerFile = join(on.userDataDir, 'ledger.json')
  return { factory, lab: on.lab, ledgerFile, ledger: await readFile(ledgerFile, 'utf8') }
}

/** Starts the app as the window does, and watches what it asks main to record. */
async function startOver(factory: IDBFactory, lab: LabBridge) {
  const record = vi.fn(lab.ledger.record)
  const spied: LabBridge = { ...lab, ledger: { ...lab.ledger, record } }
  render(await start({ db: labDb(factory), indexedDB: factory, lab: spied, probeImage }))
  return { record }
}

/** Opens a copy of the database as it is on disk, without upgrading it: version and counts, for "nothing changed". */
async function asOnDisk(factory: IDBFactory) {
  const db = labDb(factory)
  await db.open()
  const facts = { version: db.verno, products: await db.products.count(), audit: await db.audit.count() }
  db.close()
  return facts
}

const alert = () => screen.getByRole('alert')

describe('start-up against main’s ledger', () => {
  it('a fresh start opens the app', async () => {
    on = await servicesOnDisk()
    const factory = new IDBFactory()
    await startOver(factory, on.lab)
    expect(await screen.findByRole('navigation', { name: 'Sections' })).toBeInTheDocument()
  })

  it('a whole database opens the app', async () => {
    const { factory, lab } = await savedLab(3)
    const { record } = await startOver(factory, lab)
    expect(await screen.findByRole('navigation', { name: 'Sections' })).toBeInTheDocument()
    expect(record).not.toHaveBeenCalled()
  })

  it('missing: says what the ledger expected and that the database is gone, creates nothing, and records nothing', async () => {
    const { factory, lab, ledgerFile, ledger } = await savedLab(3)
    await labDb(factory).delete()

    const { record } = await startOver(factory, lab)

    expect(screen.getByRole('heading', { name: 'Some of the lab’s data is missing' })).toBeInTheDocument()
    expect(alert()).toHaveTextContent(
      /^The last saved state had 3 audit entries ending at #3 \(hash [0-9a-f]{8}…\); the database “wwa-lab” is no longer on this computer\.$/,
    )
    expect(screen.getByText(/deletes a database it finds damaged and starts an empty one/)).toBeInTheDocument()
    expect(screen.getByText('Nothing was changed or deleted.')).toBeInTheDocument()
    expect(screen.queryByRole('navigation', { name: 'Sections' })).not.toBeInTheDocument()
    expect(await factory.databases()).toEqual([])
    expect(record).not.toHaveBeenCalled()
    expect(await readFile(ledgerFile, 'utf8')).toBe(ledger)
  })

  it('empty: a database recreated empty lands on the recovery screen, not an empty catalogue', async () => {
    const { factory, lab, ledgerFile, ledger } = await savedLab(3)
    await labDb(factory).delete()
    await asOnDisk(factory) // recreated, empty, at this build's version

    await startOver(factory, lab)

    expect(alert()).toHaveTextContent(/ending at #3 \(hash [0-9a-f]{8}…\); the database “wwa-lab” is now empty\.$/)
    expect(screen.queryByRole('navigation', { name: 'Sections' })).not.toBeInTheDocument()
    expect(await readFile(ledgerFile, 'utf8')).toBe(ledger)
  })

  it('shorter: names the recorded head and where the database ends now, and leaves the database as it is', async () => {
    const { factory, lab, ledgerFile, ledger } = await savedLab(30)
    const db = labDb(factory)
    await db.transaction('rw', db.products, db.audit, async () => {
      await db.audit.where('seq').above(24).delete()
      await db.products.bulkDelete(['p-25', 'p-26', 'p-27', 'p-28', 'p-29', 'p-30'])
    })
    db.close()
    const before = await asOnDisk(factory)

    const { record } = await startOver(factory, lab)

    expect(alert()).toHaveTextContent(
      /^The last saved state had 30 audit entries ending at #30 \(hash [0-9a-f]{8}…\); the database now ends at #24\. It has fewer records than were saved: 24 of 30 products and 24 of 30 audit entries\.$/,
    )
    expect(screen.getByText(/The newest changes are not in the database/)).toBeInTheDocument()
    expect(await asOnDisk(factory)).toEqual(before)
    expect(record).not.toHaveBeenCalled()
    expect(await readFile(ledgerFile, 'utf8')).toBe(ledger)
  })

  it('a disagreeing head: the entry at the recorded head is another one', async () => {
    const { factory, lab } = await savedLab(3)
    const db = labDb(factory)
    const third = (await db.audit.get(3))!
    await db.audit.put({ ...third, hash: 'd'.repeat(64) })
    db.close()

    await startOver(factory, lab)

    expect(alert()).toHaveTextContent(
      `the database’s trail is not that one. Entry 3 is not the one last recorded: its hash is dddddddd…, the recorded one ${third.hash.slice(0, 8)}….`,
    )
    expect(screen.getByText(/not the one WWA Lab last recorded/)).toBeInTheDocument()
  })

  it('ahead and continuing: writes the ledger missed (a kill before it was updated) open the app, and the ledger catches up', async () => {
    const { factory, lab } = await savedLab(3)
    // Two more writes, as the app makes them, whose ledger update never happened.
    const db = labDb(factory)
    const repos = createRepositories(db, { probeImage })
    valueOf(await repos.products.save(aProduct({ id: 'p-4', modelNumber: 'AC-4' })))
    valueOf(await repos.products.remove('p-1'))
    const newest = (await db.audit.orderBy('seq').last())!
    db.close()

    const { record } = await startOver(factory, lab)

    expect(await screen.findByRole('navigation', { name: 'Sections' })).toBeInTheDocument()
    await vi.waitFor(() => expect(record).toHaveBeenCalledTimes(1))
    await vi.waitFor(async () =>
      expect(await lab.ledger.read()).toMatchObject({
        ok: true,
        value: {
          head: { seq: 5, hash: newest.hash },
          counts: { products: 3, audit: 5 },
        },
      }),
    )
  })

  it('a database IndexedDB will not open, with data recorded: says what was expected and what IndexedDB said', async () => {
    const { factory, lab } = await savedLab(2)
    // As Chromium answers for damaged files: the open fails.
    const failing = Object.create(factory, {
      open: {
        value: () => {
          throw Object.assign(new Error('Internal error opening backing store for indexedDB.open.'), {
            name: 'UnknownError',
          })
        },
      },
    }) as IDBFactory

    await startOver(failing, lab)

    expect(screen.getByRole('heading', { name: 'The lab’s data cannot be read' })).toBeInTheDocument()
    expect(alert()).toHaveTextContent(
      /ending at #2 \(hash [0-9a-f]{8}…\); the database “wwa-lab” could not be opened: UnknownError: Internal error opening backing store for indexedDB\.open\.$/,
    )
    expect(screen.getByText(/found the database’s files damaged/)).toBeInTheDocument()
  })

  it('a damaged ledger: says so in main’s words and opens nothing', async () => {
    const { factory, ledgerFile } = await savedLab(2)
    await writeFile(ledgerFile, '{"format":1,"sha256":"')

    // A restart: main reads its folder afresh.
    restarted = await servicesOnDisk({ userDataDir: on!.userDataDir })
    await startOver(factory, restarted.lab)

    expect(screen.getByRole('heading', { name: 'WWA Lab cannot open the lab’s data' })).toBeInTheDocument()
    expect(alert()).toHaveTextContent(`WWA Lab’s record of the lab’s last saved state (${ledgerFile}) is damaged`)
    expect(alert()).toHaveTextContent('cannot tell from it whether any of the lab’s data is missing')
    expect(screen.queryByRole('navigation', { name: 'Sections' })).not.toBeInTheDocument()
  })

  it('a newer release’s database is refused naming both versions, before any comparison, with database and ledger unchanged', async () => {
    const { factory, lab, ledgerFile, ledger } = await savedLab(2)
    const newer = knownVersion + 3
    const upgrade = factory.open('wwa-lab', newer * 10)
    upgrade.onupgradeneeded = () => upgrade.result.createObjectStore('storesOfALaterRelease', { keyPath: 'id' })
    await new Promise((resolve) => (upgrade.onsuccess = resolve))
    upgrade.result.close()

    const { record } = await startOver(factory, lab)

    expect(alert()).toHaveTextContent(
      `written by a newer version of WWA Lab (storage version ${newer}); this version knows storage up to version ${knownVersion}`,
    )
    const reopened = factory.open('wwa-lab')
    await new Promise((resolve) => (reopened.onsuccess = resolve))
    expect(reopened.result.version).toBe(newer * 10)
    expect(reopened.result.objectStoreNames.contains('storesOfALaterRelease')).toBe(true)
    reopened.result.close()
    expect(record).not.toHaveBeenCalled()
    expect(await readFile(ledgerFile, 'utf8')).toBe(ledger)
  })
})

describe('the recovery screen’s slot for the newest backup', () => {
  const failure = { kind: 'ledger-unreadable', message: 'The ledger is damaged.' } as const

  it('shows what the backups feature puts in it', () => {
    render(<RecoveryScreen failure={failure} newestBackup={<button type="button">Restore backup of 1 Dec</button>} />)
    expect(screen.getByRole('region', { name: 'Newest backup' })).toContainElement(
      screen.getByRole('button', { name: 'Restore backup of 1 Dec' }),
    )
  })

  it('is not there when it is not given', () => {
    render(<RecoveryScreen failure={failure} />)
    expect(screen.queryByRole('region', { name: 'Newest backup' })).not.toBeInTheDocument()
  })
})
