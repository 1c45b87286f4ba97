import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import { sealEntry } from '../../../../../core/audit/audit-entry'
import type { LedgerState } from '../../../../../core/bridge/ledger'
import { LabDb, type AuditRow } from '../../../../../renderer/storage/lab-db'
import {
  cannotRead,
  compareWithLedger,
  type LedgerMismatch,
} from '../../../../../renderer/storage/ledger/compare-with-ledger'
import { countedTables } from '../../../../../renderer/storage/ledger/counted-tables'
import { readDatabaseFacts, snapshotOf } from '../../../../../renderer/storage/ledger/database-facts'
import { describeMismatch } from '../../../../../renderer/storage/ledger/describe-mismatch'
import { createRepositories } from '../../../../../renderer/storage/repositories'
import { registry } from '../../../../../renderer/storage/tables'
import { valueOf } from '../../../../helpers/outcome'
import { aProduct } from '../../../../helpers/records'

const probeImage = () => Promise.reject(new Error('not used'))
const name = 'wwa-lab'

/** A lab database with `products` products saved through the repositories: one audit entry each. */
async function labWith(products: number) {
  const factory = new IDBFactory()
  const db = new LabDb(name, { indexedDB: factory, IDBKeyRange })
  let clock = Date.UTC(2026, 11, 1)
  const repos = createRepositories(db, { probeImage, now: () => new Date((clock += 1000)) })
  for (let i = 1; i <= products; i++)
    valueOf(await repos.products.save(aProduct({ id: `p-${i}`, modelNumber: `AC-${i}` })))
  return { factory, db, repos }
}

/** What main would hold after the last write: the database's state then. */
async function ledgerOf(db: LabDb): Promise<LedgerState> {
  return { database: name, ...(await snapshotOf(db.backendDB())), updatedAt: '2026-12-01T10:00:00.000Z' }
}

async function compare(factory: IDBFactory, recorded: LedgerState | null) {
  return compareWithLedger(recorded, await readDatabaseFacts(factory, name, recorded?.head?.seq ?? undefined))
}

const mismatchOf = (verdict: Awaited<ReturnType<typeof compare>>): LedgerMismatch => {
  if (verdict.kind !== 'mismatch') throw new Error(`expected a mismatch, got ${verdict.kind}`)
  return verdict.mismatch
}

describe('the tables the ledger counts', () => {
  it('are every audited table of the registry, the audit trail and the stored files, and no others', () => {
    const audited = Object.values(registry).map((r) => r.table)
    expect([...countedTables].sort()).toEqual([...new Set([...audited, 'audit', 'files'])].sort())
    expect(countedTables).not.toContain('drafts')
    expect(countedTables).not.toContain('settings')
    expect(countedTables).not.toContain('thumbnails')
  })
})

describe('the database found at start, compared with the ledger', () => {
  it('a fresh start: no ledger and no database, and nothing is created by looking', async () => {
    const factory = new IDBFactory()
    expect(await compare(factory, null)).toEqual({ kind: 'fresh' })
    expect(await factory.databases()).toEqual([])
  })

  it('data from before the ledger existed is taken as it is, and the ledger brought up to date', async () => {
    const { factory, db } = await labWith(2)
    db.close()
    expect(await compare(factory, null)).toEqual({ kind: 'update', reason: 'first-ledger' })
  })

  it('as recorded', async () => {
    const { factory, db } = await labWith(3)
    const recorded = await ledgerOf(db)
    db.close()
    expect(await compare(factory, recorded)).toEqual({ kind: 'as-recorded' })
  })

  it('missing: the ledger says there was data, and the database is gone (looking does not recreate it)', async () => {
    const { factory, db } = await labWith(3)
    const recorded = await ledgerOf(db)
    await db.delete()

    const mismatch = mismatchOf(await compare(factory, recorded))

    expect(mismatch.kind).toBe('missing')
    expect(await factory.databases()).toEqual([])
    expect(describeMismatch(mismatch)).toBe(
      `The last saved state had 3 audit entries ending at #3 (hash ${recorded.head!.hash.slice(0, 8)}…); ` +
        'the database “wwa-lab” is no longer on this computer.',
    )
  })

  it('empty: recreated with nothing in it, as Chromium does with a damaged database', async () => {
    const { factory, db } = await labWith(3)
    const recorded = await ledgerOf(db)
    await db.delete()
    const recreated = new LabDb(name, { indexedDB: factory, IDBKeyRange })
    await recreated.open()
    recreated.close()

    const mismatch = mismatchOf(await compare(factory, recorded))

    expect(mismatch.kind).toBe('empty')
    expect(describeMismatch(mismatch)).toMatch(
      /ending at #3 \(hash [0-9a-f]{8}…\); the database “wwa-lab” is now empty\.$/,
    )
  })

  it('shorter: the newest entries and records are gone, and the words say both', async () => {
    const { factory, db } = await labWith(5)
    const recorded = await ledgerOf(db)
    // A torn tail: the last two writes (entries 4 and 5 with their products) never reached the disk.
    await db.transaction('rw', db.products, db.audit, async () => {
      await db.audit.bulkDelete([4, 5])
      await db.products.bulkDelete(['p-4', 'p-5'])
    })
    db.close()

    const mismatch = mismatchOf(await compare(factory, recorded))

    expect(mismatch.kind).toBe('shorter')
    expect(mismatch.fewer).toEqual([
      { table: 'products', expected: 5, found: 3 },
      { table: 'audit', expected: 5, found: 3 },
    ])
    expect(describeMismatch(mismatch)).toBe(
      `The last saved state had 5 audit entries ending at #5 (hash ${recorded.head!.hash.slice(0, 8)}…); ` +
        'the database now ends at #3. It has fewer records than were saved: 3 of 5 products and 3 of 5 audit entries.',
    )
    expect(mismatch.chain?.reason).toBe('The newest 2 entries are missing: the last recorded entry was #5.')
  })

  it('shorter: the trail reaches the head, but records are gone', async () => {
    const { factory, db } = await labWith(4)
    const recorded = await ledgerOf(db)
    await db.products.delete('p-2')
    db.close()

    const mismatch = mismatchOf(await compare(factory, recorded))

    expect(mismatch.kind).toBe('shorter')
    expect(describeMismatch(mismatch)).toContain(
      'the database’s trail still reaches it, but some records are gone. It has fewer records than were saved: 3 of 4 products.',
    )
  })

  it('head-differs: the entry at the recorded head is another one', async () => {
    const { factory, db } = await labWith(3)
    const recorded = await ledgerOf(db)
    // Another trail of the same length: the same numbers, other entries (an older copy of the files put back, say).
    const other = sealEntry((await db.audit.get(2))!, {
      at: '2026-12-02T08:00:00.000Z',
      actor: { id: 'x', name: 'Someone' },
      entity: { kind: 'product', id: 'p-9', label: 'Acme AC-9' },
      action: 'create',
      changes: [{ field: 'model', before: undefined, after: 'AC-9' }],
    })
    await db.audit.put({ ...other, subjects: ['product:p-9'] } satisfies AuditRow)
    db.close()

    const mismatch = mismatchOf(await compare(factory, recorded))

    expect(mismatch.kind).toBe('head-differs')
    expect(describeMismatch(mismatch)).toContain(
      `the database’s trail is not that one. Entry 3 is not the one last recorded: its hash is ${other.hash.slice(0, 8)}…, the recorded one ${recorded.head!.hash.slice(0, 8)}….`,
    )
  })

  it('ahead and continuing: writes after the ledger’s last update (a kill before it) are fine, deletes included', async () => {
    const { factory, db, repos } = await labWith(3)
    const recorded = await ledgerOf(db)
    valueOf(await repos.products.save(aProduct({ id: 'p-4', modelNumber: 'AC-4' })))
    valueOf(await repos.products.remove('p-1'))
    valueOf(await repos.products.remove('p-2'))
    db.close()

    expect(await compare(factory, recorded)).toEqual({ kind: 'update', reason: 'ahead' })
  })

  it('ahead but not continuing: entries past the head that do not follow it are not fine', async () => {
    const { factory, db } = await labWith(3)
    const recorded = await ledgerOf(db)
    // Entry 4 made as if it followed another entry 3.
    const foreign = sealEntry(
      { ...(await db.audit.get(3))!, hash: 'f'.repeat(64) },
      {
        at: '2026-12-02T08:00:00.000Z',
        actor: { id: 'x', name: 'Someone' },
        entity: { kind: 'product', id: 'p-9', label: 'Acme AC-9' },
        action: 'create',
        changes: [{ field: 'model', before: undefined, after: 'AC-9' }],
      },
    )
    await db.audit.put({ ...foreign, subjects: ['product:p-9'] } satisfies AuditRow)
    db.close()

    const mismatch = mismatchOf(await compare(factory, recorded))
    expect(mismatch.kind).toBe('head-differs')
    expect(mismatch.chain?.reason).toBe('Entry 4 does not follow entry 3: it names a different previous entry.')
  })

  it('ahead, but with fewer stored files than recorded: files are never deleted, so that is lost data', async () => {
    const { factory, db, repos } = await labWith(2)
    const recorded = { ...(await ledgerOf(db)), counts: { ...(await ledgerOf(db)).counts, files: 2 } }
    valueOf(await repos.products.save(aProduct({ id: 'p-3', modelNumber: 'AC-3' })))
    db.close()

    const mismatch = mismatchOf(await compare(factory, recorded))
    expect(mismatch.kind).toBe('shorter')
    expect(describeMismatch(mismatch)).toContain(
      'It has fewer records than were saved: 0 of 2 stored photos and files.',
    )
  })

  it('cannot-read: IndexedDB will not open it, and the words set what was recorded beside what it said', async () => {
    const { db } = await labWith(2)
    const recorded = await ledgerOf(db)
    const error = { name: 'UnknownError', message: 'Internal error opening backing store for indexedDB.open.' }

    const mismatch = cannotRead(recorded, error)

    expect(mismatch?.kind).toBe('cannot-read')
    expect(describeMismatch(mismatch!)).toBe(
      `The last saved state had 2 audit entries ending at #2 (hash ${recorded.head!.hash.slice(0, 8)}…); ` +
        'the database “wwa-lab” could not be opened: UnknownError: Internal error opening backing store for indexedDB.open.',
    )
    // With nothing recorded, a database that will not open is a plain failure to open, not lost data.
    expect(cannotRead(null, error)).toBeUndefined()
    expect(cannotRead({ ...recorded, head: null, counts: {} }, error)).toBeUndefined()
  })
})
