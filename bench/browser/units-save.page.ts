// Runs in Chromium, bundled by vite: the app's own storage code, timed against raw IndexedDB.
import Dexie from 'dexie'
import { Unit, unitConditions } from '../../core/model/unit'
import { LabDb } from '../../renderer/storage/lab-db'
import { workstationActor } from '../../renderer/storage/repositories'
import { createUnitsRepo } from '../../renderer/storage/repos/units/units-repo'

export const unitsSaveKinds = ['raw', 'raw-units-only', 'repo-chunked', 'repo-one-call', 'validate'] as const
export type UnitsSaveKind = (typeof unitsSaveKinds)[number]

/** How long one kind of save took, and how many rows the store held afterwards (so a figure never comes from a write that silently did less). */
export type UnitsSaveFigure = { readonly ms: number; readonly stored: number }

export type UnitsSaveBench = (kind: UnitsSaveKind, count: number, chunkSize: number) => Promise<UnitsSaveFigure>

function makeUnits(count: number): Unit[] {
  const now = new Date().toISOString()
  return Array.from({ length: count }, (_, i) => ({
    id: crypto.randomUUID(),
    productId: `product-${i % 500}`,
    serialNumber: `SN-${String(i).padStart(8, '0')}`,
    firmware: `1.${i % 20}.${i % 7}`,
    hardwareRevision: i % 3 === 0 ? `rev ${i % 5}` : '',
    receivedOn: '2026-11-25',
    receivedFrom: 'Acme Devices Ltd, Cambridge',
    condition: unitConditions[i % unitConditions.length] ?? 'new-sealed',
    conditionNotes: i % 4 === 0 ? 'Outer box dented on one corner; device unmarked.' : '',
    photos:
      i % 2 === 0
        ? [
            { fileId: `file-${i}-front`, role: 'front' as const },
            { fileId: `file-${i}-label`, role: 'rating-label' as const },
          ]
        : [],
    discovery:
      i % 2 === 0 ? { manufacturer: 'Acme', model: `AC-${i % 50}`, endpointCount: 1 + (i % 4), pastedAt: now } : null,
    createdAt: now,
    updatedAt: now,
  }))
}

const chunksOf = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size))

async function timed(work: () => Promise<void>): Promise<number> {
  const start = performance.now()
  await work()
  return performance.now() - start
}

async function repoSave(
  name: string,
  units: readonly Unit[],
  chunkSize: number,
): Promise<{ ms: number; stored: number }> {
  const db = new LabDb(name)
  await db.open() // opening and creating the schema is once per launch, not per save: keep it out of the figure
  // Saved as the app saves them: validated, stored, and each one appended to the audit trail.
  const repo = createUnitsRepo(db, { actor: () => workstationActor, now: () => new Date() })
  const ms = await timed(async () => {
    for (const chunk of chunksOf(units, chunkSize)) {
      const saved = await repo.saveMany(chunk)
      if (!saved.ok) throw new Error(`The repository refused a chunk: ${saved.problem.message}`)
    }
  })
  const stored = await db.units.count()
  db.close()
  return { ms, stored }
}

/** Exactly the rows the repository writes for these units (the units as validated and their sealed audit entries), by letting it write them once. */
async function rowsTheRepositoryWrites(
  units: readonly Unit[],
  chunkSize: number,
): Promise<{ units: unknown[]; audit: unknown[] }> {
  const name = `rows-${crypto.randomUUID()}`
  await repoSave(name, units, chunkSize)
  const db = new LabDb(name)
  const rows = { units: await db.units.toArray(), audit: await db.audit.orderBy('seq').toArray() }
  db.close()
  await Dexie.delete(name)
  return rows
}

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })

// LabDb's stores for these rows, as migrations 1 to 3 declare them: the same key paths and indexes.
const unitIndexes = ['productId', 'serialNumber', 'updatedAt'] as const
const auditIndexes: readonly {
  readonly name: string
  readonly keyPath: string | string[]
  readonly multiEntry?: boolean
}[] = [
  { name: '[entity.kind+entity.id]', keyPath: ['entity.kind', 'entity.id'] },
  { name: 'at', keyPath: 'at' },
  { name: 'subjects', keyPath: 'subjects', multiEntry: true },
]

async function openRaw(name: string, withIndexes: boolean, withAudit: boolean): Promise<IDBDatabase> {
  const open = indexedDB.open(name, 1)
  open.onupgradeneeded = () => {
    const units = open.result.createObjectStore('units', { keyPath: 'id' })
    if (withIndexes) for (const field of unitIndexes) units.createIndex(field, field)
    if (!withAudit) return
    const audit = open.result.createObjectStore('audit', { keyPath: 'seq' })
    for (const index of auditIndexes)
      audit.createIndex(index.name, index.keyPath, { multiEntry: index.multiEntry ?? false })
  }
  return request(open)
}

/** Raw IndexedDB puts of the given rows, one strict transaction per chunk, as the repository's transactions are. */
async function rawSave(
  name: string,
  rows: { units: readonly unknown[]; audit: readonly unknown[] },
  chunkSize: number,
  withIndexes: boolean,
): Promise<{ ms: number; stored: number }> {
  const withAudit = rows.audit.length > 0
  const db = await openRaw(name, withIndexes, withAudit)
  const stores = withAudit ? ['units', 'audit'] : ['units']
  const ms = await timed(async () => {
    for (let at = 0; at < rows.units.length; at += chunkSize) {
      // 'strict' as LabDb opens Dexie: comparing against relaxed durability would flatter the baseline.
      const tx = db.transaction(stores, 'readwrite', { durability: 'strict' })
      const units = tx.objectStore('units')
      for (const unit of rows.units.slice(at, at + chunkSize)) units.put(unit)
      if (withAudit) {
        const audit = tx.objectStore('audit')
        for (const entry of rows.audit.slice(at, at + chunkSize)) audit.add(entry)
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve()
        tx.onerror = () => reject(tx.error)
        tx.onabort = () => reject(tx.error)
      })
    }
  })
  const stored = await request(db.transaction('units').objectStore('units').count())
  db.close()
  return { ms, stored }
}

async function measure(
  kind: UnitsSaveKind,
  name: string,
  units: readonly Unit[],
  chunkSize: number,
): Promise<UnitsSaveFigure> {
  switch (kind) {
    case 'raw':
      // One audit entry per new unit, so chunk n of units and chunk n of entries belong together.
      return rawSave(name, await rowsTheRepositoryWrites(units, chunkSize), chunkSize, true)
    case 'raw-units-only':
      return rawSave(name, { units, audit: [] }, chunkSize, false)
    case 'repo-chunked':
      return repoSave(name, units, chunkSize)
    case 'repo-one-call':
      return repoSave(name, units, units.length)
    case 'validate': {
      const ms = await timed(async () => {
        for (const unit of units) Unit.parse(unit)
      })
      return { ms, stored: units.length }
    }
    default:
      return assertNever(kind)
  }
}

function assertNever(value: never): never {
  throw new Error(`Unknown bench kind: ${String(value)}`)
}

const runUnitsSaveBench: UnitsSaveBench = async (kind, count, chunkSize) => {
  // Warm the JIT on this path first, so the figure pays no one-off compilation.
  await measure(kind, `warm-${kind}`, makeUnits(2_000), chunkSize)
  return measure(kind, `bench-${kind}`, makeUnits(count), chunkSize)
}

// The Node side calls this through page.evaluate; a global keeps the bundle free of any loader.
Object.assign(globalThis, { runUnitsSaveBench })
