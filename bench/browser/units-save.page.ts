// Runs in Chromium, bundled by vite: the app's own storage code, timed against raw IndexedDB.
import { Unit, unitConditions } from '../../core/model/unit'
import { LabDb } from '../../renderer/storage/lab-db'
import { workstationActor } from '../../renderer/storage/actor-store'
import { createUnitsRepo } from '../../renderer/storage/repos/units-repo'

export const unitsSaveKinds = ['raw', 'raw-indexed', 'repo-chunked', 'repo-one-call', 'validate'] as const
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
    photos: i % 2 === 0 ? [{ fileId: `file-${i}-front`, role: 'front' as const }, { fileId: `file-${i}-label`, role: 'rating-label' as const }] : [],
    discovery: i % 2 === 0 ? { manufacturer: 'Acme', model: `AC-${i % 50}`, endpointCount: 1 + (i % 4), pastedAt: now } : null,
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

async function repoSave(name: string, units: readonly Unit[], chunkSize: number): Promise<{ ms: number; stored: number }> {
  const db = new LabDb(name)
  await db.open() // opening and creating the schema is once per launch, not per save: keep it out of the figure
  // Saved as the app saves them: validated, stored, and each one appended to the audit trail.
  const repo = createUnitsRepo(db, { actor: () => workstationActor, now: () => new Date() })
  const ms = await timed(async () => {
    for (const chunk of chunksOf(units, chunkSize)) await repo.saveMany(chunk)
  })
  const stored = await db.units.count()
  db.close()
  return { ms, stored }
}

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })

async function openRaw(name: string, withIndexes: boolean): Promise<IDBDatabase> {
  const open = indexedDB.open(name, 1)
  open.onupgradeneeded = () => {
    const store = open.result.createObjectStore('units', { keyPath: 'id' })
    // The same secondary indexes as LabDb's units table: 'id, productId, serialNumber, updatedAt'.
    if (withIndexes) for (const field of ['productId', 'serialNumber', 'updatedAt']) store.createIndex(field, field)
  }
  return request(open)
}

async function rawSave(name: string, units: readonly Unit[], chunkSize: number, withIndexes: boolean): Promise<{ ms: number; stored: number }> {
  const db = await openRaw(name, withIndexes)
  const ms = await timed(async () => {
    for (const chunk of chunksOf(units, chunkSize)) {
      // 'strict' as LabDb opens Dexie: comparing against relaxed durability would flatter the baseline.
      const tx = db.transaction('units', 'readwrite', { durability: 'strict' })
      const store = tx.objectStore('units')
      for (const unit of chunk) store.put(unit)
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

async function measure(kind: UnitsSaveKind, name: string, units: readonly Unit[], chunkSize: number): Promise<UnitsSaveFigure> {
  switch (kind) {
    case 'raw':
      return rawSave(name, units, chunkSize, false)
    case 'raw-indexed':
      return rawSave(name, units, chunkSize, true)
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
