import './file-reader-shim'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { openBackupReader } from '../../../../../renderer/storage/backup/read-backup'
import { restoreIntoFreshDatabase } from '../../../../../renderer/storage/backup/restore-backup'
import { writeBackup } from '../../../../../renderer/storage/backup/write-backup'
import { keyName } from '../../../../../renderer/storage/change-watch'
import { knownVersion, type LabDb } from '../../../../../renderer/storage/lab-db'
import { memorySink, profile, readAtOf } from './in-memory-backup'

const createdAt = new Date('2026-03-01T09:30:00.000Z')

/** A small deterministic generator, so a failing interleaving can be run again. */
function random(seed: number) {
  let state = seed >>> 0 || 1
  return (below: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    return (state >>> 8) % below
  }
}

const bytesOf = (seed: number, size: number) => new Uint8Array(size).map((_, i) => (seed * 31 + i * 7) & 0xff)

type Model = Map<string, Map<string, Record<string, unknown>>>

const keyOf = (db: LabDb, table: string, row: unknown) => db.table(table).core.schema.primaryKey.extractKey?.(row)

/** The lab as rows by table and key, Blobs as their bytes: what a restore must give back. */
async function contentOf(rowsByTable: Map<string, Iterable<Record<string, unknown>>>) {
  const out: Record<string, [string, Record<string, unknown>][]> = {}
  for (const [table, rows] of rowsByTable) {
    const plain: [string, Record<string, unknown>][] = []
    for (const row of rows) {
      const copy: Record<string, unknown> = {}
      for (const [field, value] of Object.entries(row))
        copy[field] = value instanceof Blob ? [value.type, ...new Uint8Array(await value.arrayBuffer())] : value
      plain.push([keyName(copy.seq ?? copy.id ?? copy.key ?? copy.fileId ?? [copy.sessionId, copy.caseId]), copy])
    }
    out[table] = plain.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  }
  return out
}

const modelContent = (model: Model) => contentOf(new Map([...model].map(([table, rows]) => [table, rows.values()])))

async function databaseContent(db: LabDb) {
  return contentOf(
    new Map(
      await Promise.all(
        db.tables.map(async (table) => [table.name, (await table.toArray()) as Record<string, unknown>[]] as const),
      ),
    ),
  )
}

/** Rows in several tables, photos among them, so the backup reads many chunks of each. */
async function seed(db: LabDb, model: Model) {
  await db.open()
  for (const table of db.tables) model.set(table.name, new Map())
  const put = async (table: string, row: Record<string, unknown>) => {
    await db.table(table).put(row)
    model.get(table)!.set(keyName(keyOf(db, table, row)), row)
  }
  for (let i = 0; i < 40; i += 1) {
    await put('products', { id: `product-${String(i).padStart(3, '0')}`, brand: 'Acme', rev: 0 })
    await put('results', {
      sessionId: `session-${i % 4}`,
      caseId: `case-${String(i).padStart(3, '0')}`,
      verdict: 'untested',
    })
    await put('audit', { seq: i + 1, at: '2026-02-01T00:00:00.000Z', what: `entry ${i + 1}` })
    await put('drafts', { key: `draft-${String(i).padStart(3, '0')}`, text: `typed ${i}`, optional: undefined })
  }
  for (let i = 0; i < 12; i += 1) {
    await put('files', {
      id: `file-${String(i).padStart(3, '0')}`,
      blob: new Blob([bytesOf(i, 300 + i)], { type: 'image/jpeg' }),
    })
  }
}

/**
 * One edit as the lab makes them: one read-write transaction that changes a
 * few rows (a verdict, a product, a photo added or removed, drafts cleared)
 * and appends one audit entry, so the audit trail says how many edits a
 * backup holds.
 */
function editor(db: LabDb, model: Model, seed: number) {
  const pick = random(seed)
  let step = 0
  return async () => {
    step += 1
    const changes: { table: string; row?: Record<string, unknown>; key: unknown }[] = []
    const put = (table: string, row: Record<string, unknown>) =>
      changes.push({ table, row, key: keyOf(db, table, row) })
    const remove = (table: string, key: unknown) => changes.push({ table, key })
    const product = `product-${String(pick(45)).padStart(3, '0')}`
    put('products', { id: product, brand: 'Acme', rev: step })
    put('results', {
      sessionId: `session-${pick(5)}`,
      caseId: `case-${String(pick(45)).padStart(3, '0')}`,
      verdict: `v${step}`,
    })
    if (pick(3) === 0) remove('products', `product-${String(pick(40)).padStart(3, '0')}`)
    if (pick(4) === 0)
      put('files', {
        id: `file-${String(pick(16)).padStart(3, '0')}`,
        blob: new Blob([bytesOf(step + 100, 200)], { type: 'image/png' }),
      })
    if (pick(3) === 0)
      put('drafts', { key: `draft-${String(pick(50)).padStart(3, '0')}`, text: `step ${step}`, optional: undefined })
    if (pick(5) === 0) remove('files', `file-${String(pick(16)).padStart(3, '0')}`)
    put('audit', { seq: 40 + step, at: '2026-03-01T09:30:00.000Z', what: `edit ${step}` })
    const clearDrafts = step % 4 === 0
    await db.transaction('rw', ['products', 'results', 'files', 'audit', 'drafts'], async () => {
      for (const { table, row, key } of changes) {
        if (row === undefined) await db.table(table).delete(key as string)
        else await db.table(table).put(row)
      }
      if (clearDrafts) await db.drafts.clear()
    })
    for (const { table, row, key } of changes) {
      if (row === undefined) model.get(table)!.delete(keyName(key))
      else model.get(table)!.set(keyName(key), row)
    }
    if (clearDrafts) model.get('drafts')!.clear()
  }
}

async function restoreOf(lab: ReturnType<typeof profile>, bytes: Uint8Array) {
  const reader = await openBackupReader('during.zip', bytes.byteLength, readAtOf(bytes), knownVersion)
  if (!reader.ok) throw new Error(reader.problem.message)
  const restored = await restoreIntoFreshDatabase({ reader: reader.value, ...lab, now: () => createdAt })
  if (!restored.ok) throw new Error(restored.problem.message)
  const copy = lab.open(restored.value.database)
  await copy.open()
  return copy
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

describe('a backup made while the lab keeps working', () => {
  it.each([1, 2, 3, 4, 5, 6])(
    'holds one moment of the lab exactly, whatever was edited while it read (interleaving %i)',
    async (seedNumber) => {
      const lab = profile()
      const db = lab.open('wwa-lab')
      const model: Model = new Map()
      await seed(db, model)
      const edit = editor(db, model, seedNumber)
      // The lab as it was after each edit, so the restored database can be checked against the moment it claims.
      const moments = [await modelContent(model)]
      const memory = memorySink()
      let backingUp = true
      const backup = writeBackup(db, memory.sink, { reason: 'daily', createdAt, changes: db.changes, rowsPerRead: 3 })
      void backup.finally(() => (backingUp = false))
      let editsDuring = 0
      while (backingUp) {
        await edit()
        moments.push(await modelContent(model))
        if (backingUp) editsDuring += 1
        await pause()
      }
      const written = await backup
      if (!written.ok) throw new Error(written.problem.message)
      // Enough edits landed inside the backup's reading for the test to mean something.
      expect(editsDuring).toBeGreaterThan(5)
      expect(written.value.manifest.parts.map((part) => part.name)).toContain('changes.json')

      const copy = await restoreOf(lab, memory.bytes())
      const restored = await databaseContent(copy)
      const edits = (restored.audit?.length ?? 0) - 40
      expect(edits).toBeGreaterThanOrEqual(0)
      expect(restored).toEqual(moments[edits])
      // The manifest's counts are the moment's, table by table.
      for (const [table, rows] of Object.entries(restored))
        expect([table, written.value.manifest.counts[table]]).toEqual([table, rows.length])
    },
  )

  it('settles edits made at a known point of the reading: rows it passed, rows ahead of it, and a table cleared after it was read', async () => {
    const lab = profile()
    const db = lab.open('wwa-lab')
    // When the reading first reaches the audit trail, the lab makes one edit: drafts (read long before) are
    // cleared, a product it read is deleted and one after its last is added, a result behind it changes,
    // and a setting ahead of it is added.
    let edit: Promise<void> | undefined
    db.use({
      stack: 'dbcore',
      name: 'edit-when-audit-is-read',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name)
          return {
            ...table,
            query: (request) => {
              if (name === 'audit' && edit === undefined) {
                // Outside the reading's transaction, as a separate edit of the lab would be.
                edit = Dexie.ignoreTransaction(() =>
                  db.transaction('rw', db.tables, async () => {
                    await db.drafts.clear()
                    await db.products.delete('product-000')
                    await db.products.put({ id: 'product-zzz', brand: 'Acme', rev: 9 } as never)
                    await db.results.put({ sessionId: 'session-0', caseId: 'case-000', verdict: 'passed' } as never)
                    await db.settings.put({ key: 'added-later', value: 1 })
                  }),
                )
              }
              return table.query(request)
            },
          }
        },
      }),
    })
    await seed(db, new Map())
    const memory = memorySink()
    const written = await writeBackup(db, memory.sink, {
      reason: 'daily',
      createdAt,
      changes: db.changes,
      rowsPerRead: 3,
    })
    if (!written.ok) throw new Error(written.problem.message)
    expect(edit).toBeDefined()
    await edit
    const after = await databaseContent(db)
    expect(after.drafts).toEqual([])

    const copy = await restoreOf(lab, memory.bytes())
    expect(await databaseContent(copy)).toEqual(after)
    expect(written.value.manifest.counts).toMatchObject({
      drafts: 0,
      products: 40,
      results: 40,
      settings: 1,
      audit: 40,
    })
  })

  it('never keeps an edit waiting until the backup has read everything, as one read transaction did', async () => {
    const editWaitsForReading = async (watch: boolean) => {
      const lab = profile()
      const db = lab.open('wwa-lab')
      await seed(db, new Map())
      let recordsRead = false
      const memory = memorySink()
      const backup = writeBackup(db, memory.sink, {
        reason: 'daily',
        createdAt,
        rowsPerRead: 3,
        ...(watch ? { changes: db.changes } : {}),
        // The first progress comes once every record has been read.
        onProgress: () => void (recordsRead = true),
      })
      await pause()
      await db.products.put({ id: 'product-new', brand: 'Acme', rev: 1 } as never)
      const editWaitedForReading = recordsRead
      const written = await backup
      expect(written.ok).toBe(true)
      return editWaitedForReading
    }
    // The same edit waits for the whole reading without the change watch, so this test can tell the two apart.
    expect(await editWaitsForReading(false)).toBe(true)
    expect(await editWaitsForReading(true)).toBe(false)
  })
})
