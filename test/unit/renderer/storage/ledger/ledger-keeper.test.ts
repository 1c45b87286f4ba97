import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { LabBridge } from '../../../../../core/bridge/contract'
import type { LedgerRecordRequest } from '../../../../../core/bridge/ledger'
import { createLedgerService } from '../../../../../main/services/ledger/ledger-service'
import { auditChange, changeOf } from '../../../../../renderer/storage/audit-log'
import { LabDb } from '../../../../../renderer/storage/lab-db'
import { snapshotOf, type LedgerSnapshot } from '../../../../../renderer/storage/ledger/database-facts'
import { createLedgerKeeper } from '../../../../../renderer/storage/ledger/ledger-keeper'
import { createRepositories } from '../../../../../renderer/storage/repositories'
import { valueOf } from '../../../../helpers/outcome'
import { aProduct, aUnit } from '../../../../helpers/records'

const probeImage = () => Promise.reject(new Error('not used'))

let folder: string | undefined
afterEach(async () => {
  if (folder) await rm(folder, { recursive: true, force: true })
  folder = undefined
})

/** The ledger channels answered by main's real ledger service, on a temp folder. */
async function mainLedger(): Promise<Pick<LabBridge, 'ledger'> & { service: ReturnType<typeof createLedgerService> }> {
  folder = await mkdtemp(join(tmpdir(), 'wwa-keeper-'))
  const service = createLedgerService({ userDataDir: folder })
  const reply = async <T>(run: () => Promise<T>) => {
    try {
      return { ok: true as const, value: await run() }
    } catch (error) {
      return { ok: false as const, problem: { code: 'failed' as const, message: (error as Error).message } }
    }
  }
  return {
    service,
    ledger: {
      read: () => reply(() => service.read()),
      record: (request) => reply(() => service.record(request)),
      switchDatabase: (request) => reply(() => service.switchDatabase(request)),
    },
  }
}

describe('keeping main’s ledger up to date after every write', () => {
  it('records the head and counts after each audited write commits, through the repositories', async () => {
    const main = await mainLedger()
    const db = new LabDb('wwa-lab', { indexedDB: new IDBFactory(), IDBKeyRange })
    await db.open()
    const keeper = createLedgerKeeper({
      database: 'wwa-lab',
      lab: main,
      snapshot: () => snapshotOf(db.backendDB()),
      recordedHead: null,
    })
    const repos = createRepositories(db, { probeImage, committed: () => keeper.written() })

    valueOf(await repos.products.save(aProduct()))
    valueOf(await repos.units.save(aUnit()))
    await keeper.settled()

    const last = await db.audit.orderBy('seq').last()
    const recorded = await main.service.read()
    expect(recorded).toMatchObject({
      database: 'wwa-lab',
      head: { seq: 2, hash: last!.hash },
      counts: { products: 1, units: 1, audit: 2, files: 0, sessions: 0 },
    })
    expect(keeper.recordedHead()).toEqual({ seq: 2, hash: last!.hash })
    expect(keeper.status()).toEqual({ state: 'recorded' })
  })

  it('does not call main for a write that failed, nor before the transaction commits', async () => {
    const db = new LabDb('wwa-lab', { indexedDB: new IDBFactory(), IDBKeyRange })
    const written = vi.fn()
    const repos = createRepositories(db, { probeImage, committed: written })
    // A transaction that audits a change and then fails: rolled back, so nothing was written.
    const context = { actor: () => ({ id: 'jd', name: 'Jo Doe' }), now: () => new Date(), committed: written }
    const product = aProduct()
    await expect(
      db.transaction('rw', db.products, db.audit, async () => {
        await db.products.put(product)
        await auditChange(db, context, changeOf('product', product.id, product, undefined, product))
        throw new Error('the disk went away')
      }),
    ).rejects.toThrow('the disk went away')
    expect(await db.audit.count()).toBe(0)
    expect(written).not.toHaveBeenCalled()

    const saving = repos.products.save(aProduct())
    expect(written).not.toHaveBeenCalled()
    valueOf(await saving)
    expect(written).toHaveBeenCalledTimes(1)
  })

  it('sends one state at a time, each read after the writes before it, and never an older one after a newer one', async () => {
    const sent: LedgerRecordRequest[] = []
    let seq = 0
    const releases: (() => void)[] = []
    const lab: Pick<LabBridge, 'ledger'> = {
      ledger: {
        read: async () => ({ ok: true, value: null }),
        record: (request) => {
          sent.push(request)
          // Main answers only when the test says, so writes pile up meanwhile.
          return new Promise((resolve) => releases.push(() => resolve({ ok: true, value: { updatedAt: '' } })))
        },
        switchDatabase: async () => ({ ok: true, value: { updatedAt: '' } }),
      },
    }
    const snapshot = async (): Promise<LedgerSnapshot> => ({
      head: { seq, hash: 'a'.repeat(64) },
      counts: { audit: seq },
    })
    const keeper = createLedgerKeeper({ database: 'wwa-lab', lab, snapshot, recordedHead: null })

    seq = 1
    keeper.written()
    await vi.waitFor(() => expect(sent).toHaveLength(1))
    for (seq = 2; seq <= 6; seq++) keeper.written()
    seq = 6
    releases.shift()?.()
    await vi.waitFor(() => expect(sent).toHaveLength(2))
    releases.shift()?.()
    await keeper.settled()

    // Five writes while the first record was under way: one more record covers them all, with the newest state.
    expect(sent.map((r) => r.head?.seq)).toEqual([1, 6])
    expect(keeper.recordedHead()?.seq).toBe(6)
  })

  it('reports a failed record instead of swallowing it, and clears once a later one succeeds', async () => {
    let fail = true
    const lab: Pick<LabBridge, 'ledger'> = {
      ledger: {
        read: async () => ({ ok: true, value: null }),
        record: async () =>
          fail
            ? {
                ok: false,
                problem: { code: 'io-failed', message: 'ledger.json could not be written: the disk is full.' },
              }
            : { ok: true, value: { updatedAt: '2026-12-01T10:00:00.000Z' } },
        switchDatabase: async () => ({ ok: true, value: { updatedAt: '' } }),
      },
    }
    const keeper = createLedgerKeeper({
      database: 'wwa-lab',
      lab,
      snapshot: async () => ({ head: { seq: 3, hash: 'b'.repeat(64) }, counts: { audit: 3 } }),
      recordedHead: { seq: 2, hash: 'c'.repeat(64) },
    })
    const changes = vi.fn()
    keeper.subscribe(changes)

    keeper.written()
    await keeper.settled()
    expect(keeper.status()).toEqual({
      state: 'failed',
      message: 'ledger.json could not be written: the disk is full.',
    })
    // What main holds is still the old head.
    expect(keeper.recordedHead()?.seq).toBe(2)

    fail = false
    keeper.written()
    await keeper.settled()
    expect(keeper.status()).toEqual({ state: 'recorded' })
    expect(keeper.recordedHead()?.seq).toBe(3)
    expect(changes).toHaveBeenCalledTimes(2)
  })
})
