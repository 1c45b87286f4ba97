import { render, screen } from '@testing-library/react'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { LabBridge } from '../../../core/bridge/contract'
import { openAgainstLedger } from '../../../renderer/app/open-against-ledger'
import { start } from '../../../renderer/app/start'
import { LabDb } from '../../../renderer/storage/lab-db'
import { createRepositories } from '../../../renderer/storage/repositories'
import { valueOf } from '../../helpers/outcome'
import { aProduct } from '../../helpers/records'
import { servicesOnDisk, type ServicesOnDisk } from '../../unit/main/services/files/lab-over-dispatch'

// The history tables (results, audit) are counted against the ledger after the window shows, not before:
// what start-up finds missing there replaces the app with the recovery screen, and is never recorded over.

const probeImage = () => Promise.reject(new Error('not used'))

let on: ServicesOnDisk | undefined
afterEach(async () => {
  await on?.remove()
  on = undefined
})

const labDb = (factory: IDBFactory) => new LabDb('wwa-lab', { indexedDB: factory, IDBKeyRange })

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

async function startOver(factory: IDBFactory, lab: LabBridge) {
  const record = vi.fn(lab.ledger.record)
  const spied: LabBridge = { ...lab, ledger: { ...lab.ledger, record } }
  render(await start({ db: labDb(factory), indexedDB: factory, lab: spied, probeImage }))
  return { record }
}

describe('the history tables, counted once the window shows', () => {
  it('an audit entry gone from the middle of the trail (its head intact): the app shows, then the recovery screen names what is missing', async () => {
    const { factory, lab, ledgerFile, ledger } = await savedLab(3)
    const db = labDb(factory)
    await db.audit.delete(2)
    db.close()

    const { record } = await startOver(factory, lab)

    // The head and the catalogue are as recorded, so the window opens at once...
    expect(screen.getByRole('navigation', { name: 'Sections' })).toBeInTheDocument()
    // ...and the count made after its first paint finds the entry missing.
    expect(await screen.findByRole('heading', { name: 'Some of the lab’s data is missing' })).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent(/It has fewer records than were saved: 2 of 3 audit entries\.$/)
    expect(screen.getByText('Nothing was changed or deleted.')).toBeInTheDocument()
    expect(screen.queryByRole('navigation', { name: 'Sections' })).not.toBeInTheDocument()
    expect(record).not.toHaveBeenCalled()
    expect(await readFile(ledgerFile, 'utf8')).toBe(ledger)
  })
})
