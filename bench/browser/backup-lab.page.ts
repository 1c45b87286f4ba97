// Runs in Chromium at the app's origin, bundled by vite: seeds a lab with records and photos
// through the app's own repositories, then backs it up and restores it with the app's own
// backup engine over window.lab (the real main services, reached through the test bridge).
import { z } from 'zod'
import { maxChunkBytes, type LabBridge } from '../../core/bridge/contract'
import { digestSha256Hex } from '../../core/crypto/digest'
import type { TestCase } from '../../core/model/test-plan'
import { photoRoles, type UnitPhoto } from '../../core/model/unit'
import type { ImageProbe } from '../../renderer/media/image-probe'
import { beginBackupSink } from '../../renderer/storage/backup/backup-sink'
import { labReadAt } from '../../renderer/storage/backup/lab-read-at'
import { openBackupReader } from '../../renderer/storage/backup/read-backup'
import { restoreIntoFreshDatabase } from '../../renderer/storage/backup/restore-backup'
import { writeBackup } from '../../renderer/storage/backup/write-backup'
import { defaultDbName, knownVersion, LabDb } from '../../renderer/storage/lab-db'
import { createRepositories } from '../../renderer/storage/repositories'
import { valueOf } from '../../test/helpers/outcome'
import { aCase, aProduct, aSession, aUnit } from '../../test/helpers/records'
import { casesPerSession, unitsPerProduct, type PhotoSpec } from './backup-lab-shape'
import { photoBytes } from './backup-photo-bytes'

// As renderer/index.tsx: the CSP forbids eval, so zod must not probe for it.
z.config({ jitless: true })

/** Rows per table, as IndexedDB holds them. */
export type TableCounts = Readonly<Record<string, number>>

/** Time spent inside window.lab calls of one kind (the test bridge's transport and main's service), and how many. */
export type BridgeTime = { readonly calls: number; readonly ms: number; readonly bytes: number }

export type BackedUp = {
  readonly name: string
  readonly path: string
  readonly size: number
  readonly ms: number
  readonly chunks: BridgeTime
  readonly counts: TableCounts
  readonly parts: number
  /** How long a small strict write took while the backup ran, and the same write with nothing else running, in ms. */
  readonly edits: { readonly during: readonly number[]; readonly idle: readonly number[] }
}

export type Restored = { readonly database: string; readonly ms: number; readonly reads: BridgeTime }

export type BackupLabApi = {
  /** Stores these photos through repos.files.storePhoto (only the image decoder is replaced); returns their IDs. */
  seedPhotos(photos: readonly PhotoSpec[]): Promise<number>
  /** Products [from, to) of `total`, with their units (holding the photos seeded before), sessions and results. */
  seedRecords(from: number, to: number, total: number): Promise<void>
  counts(database?: string): Promise<TableCounts>
  /** An automatic backup into main's backup folder, timed from begin to commit. */
  backUp(): Promise<BackedUp>
  /** Restores the named backup of main's folder into a fresh database, timed from open to verified. */
  restore(name: string): Promise<Restored>
  /** Copies the named backup of main's folder into a Blob in the page (the test bridge's time is spent here, untimed). */
  stage(name: string): Promise<number>
  /** Restores the staged copy into a fresh database, read by range from the Blob: the engine without any bridge. */
  restoreStaged(): Promise<Omit<Restored, 'reads'>>
  /** Why the restored database differs from the lab's (a record, a count, a Blob's bytes), or null when it holds the same. */
  compare(restored: string): Promise<string | null>
  /** Sends `count` chunks of the contract's largest size to a save main does not know: the bridge's cost alone. */
  probeTransport(count: number, chunkBytes: number): Promise<BridgeTime>
}

const lab = (globalThis as unknown as { readonly lab: LabBridge }).lab

// A tester's edit as the database sees it: one small strict write, every 100 ms.
const editEveryMs = 100
let editCount = 0
async function timedEdit(): Promise<number> {
  const start = performance.now()
  editCount += 1
  await db.settings.put({ key: 'bench-edit', value: editCount })
  return performance.now() - start
}

async function timedEdits(count: number): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < count; i += 1) {
    times.push(await timedEdit())
    await new Promise((resolve) => setTimeout(resolve, editEveryMs))
  }
  return times
}

async function editsUntil(work: Promise<unknown>): Promise<number[]> {
  let running = true
  void work.finally(() => (running = false))
  const times: number[] = []
  while (running) {
    times.push(await timedEdit())
    await new Promise((resolve) => setTimeout(resolve, editEveryMs))
  }
  return times
}
const db = new LabDb(defaultDbName)

// The bytes are random, so no decoder could read them; the repository's type check, hashing, de-duplication and
// transaction are the app's. Each thumbnail is a small Blob of its own, as the decoder would draw.
const thumbnailBytes = 14 * 1024
const probeImage: ImageProbe = async (image) => ({
  width: 4000,
  height: 3000,
  thumbnail: new Blob([photoBytes(1_000_000 + image.size, thumbnailBytes, 'webp')], { type: 'image/webp' }),
  thumbnailWidth: 240,
  thumbnailHeight: 180,
})
const repos = createRepositories(db, { probeImage })
const photoIds: string[] = []
let staged: { readonly name: string; readonly blob: Blob } | undefined
const comparePage = 500

const caseAt = (i: number): TestCase =>
  aCase(`TC-${String(i + 1).padStart(4, '0')}`, {
    title: `Case ${i + 1}: ${i % 2 === 0 ? 'turn on' : 'turn off'} by voice and check the state report`,
    steps: `1. Put the device in its ${i % 2 === 0 ? 'off' : 'on'} state from the app.\n2. Say "Alexa, turn ${i % 2 === 0 ? 'on' : 'off'} the plug".\n3. Open the Alexa app and look at the state.`,
    expected: 'The plug switches within 2 s, Alexa answers "OK", and the Alexa app shows the new state within 5 s.',
    required: i % 10 !== 9,
  })

let plan: Awaited<ReturnType<typeof repos.plans.importPlan>> | undefined

async function thePlan() {
  plan ??= await repos.plans.importPlan({
    name: 'WWA smart plug, backup bench',
    cases: Array.from({ length: casesPerSession }, (_, i) => caseAt(i)),
    source: { kind: 'typed', fileName: null, sha256: null },
  })
  return valueOf(plan)
}

/** Photos spread over the units in turn: unit u of n holds photos u, u + n, u + 2n, … */
function photosOf(unitIndex: number, unitCount: number): UnitPhoto[] {
  const photos: UnitPhoto[] = []
  for (let p = unitIndex; p < photoIds.length; p += unitCount) {
    photos.push({ fileId: photoIds[p] as string, role: photoRoles[photos.length % photoRoles.length] ?? 'other' })
  }
  return photos.slice(0, 100)
}

/** Calls through window.lab, timed: what a backup or restore waits for on the bridge and in main. */
function timedBridge() {
  const time = { calls: 0, ms: 0, bytes: 0 }
  const timed =
    <R, A extends { bytes?: Uint8Array; length?: number }>(call: (request: A) => Promise<R>) =>
    async (request: A) => {
      const start = performance.now()
      try {
        return await call(request)
      } finally {
        time.ms += performance.now() - start
        time.calls += 1
        time.bytes += request.bytes?.byteLength ?? request.length ?? 0
      }
    }
  const bridge: LabBridge = {
    ...lab,
    backups: { ...lab.backups, writeChunk: timed(lab.backups.writeChunk) },
    files: { ...lab.files, readRange: timed(lab.files.readRange) },
  }
  return { bridge, time: () => ({ ...time }) }
}

async function countsOf(database: LabDb): Promise<TableCounts> {
  await database.open()
  return Object.fromEntries(await Promise.all(database.tables.map(async (t) => [t.name, await t.count()] as const)))
}

/** A row as compared: every Blob replaced by its type and SHA-256. */
async function comparable(row: unknown): Promise<string> {
  if (typeof row !== 'object' || row === null) return JSON.stringify(row)
  const plain: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(row)) {
    plain[field] =
      value instanceof Blob
        ? { blob: value.type, sha256: await digestSha256Hex(new Uint8Array(await value.arrayBuffer())) }
        : value
  }
  return JSON.stringify(plain)
}

const api: BackupLabApi = {
  async seedPhotos(photos) {
    for (const { index, size } of photos) {
      const stored = valueOf(
        await repos.files.storePhoto({ name: `unit-photo-${index + 1}.jpg`, bytes: photoBytes(index, size, 'jpeg') }),
      )
      photoIds.push(stored.id)
    }
    return photoIds.length
  },

  async seedRecords(from, to, total) {
    const version = await thePlan()
    const unitCount = total * unitsPerProduct
    for (let p = from; p < to; p += 1) {
      const product = valueOf(
        await repos.products.save(
          aProduct({
            id: crypto.randomUUID(),
            modelNumber: `AC-${1000 + p}`,
            name: `Acme Smart Plug ${p + 1}`,
          }),
        ),
      )
      const units = Array.from({ length: unitsPerProduct }, (_, u) =>
        aUnit({
          id: crypto.randomUUID(),
          productId: product.id,
          serialNumber: `AC-${1000 + p}-SN${String(u + 1).padStart(4, '0')}`,
          photos: photosOf(p * unitsPerProduct + u, unitCount),
        }),
      )
      valueOf(await repos.units.saveMany(units))
      const unit = units[0]!
      const session = valueOf(
        await repos.sessions.create(
          aSession({
            id: crypto.randomUUID(),
            productId: product.id,
            unitId: unit.id,
            unitAsTested: {
              serialNumber: unit.serialNumber,
              firmware: unit.firmware,
              hardwareRevision: unit.hardwareRevision,
            },
            plan: {
              planId: version.planId,
              versionId: version.id,
              name: version.name,
              version: version.version,
              cases: version.cases,
            },
            createdAt: new Date().toISOString(),
          }),
        ),
      )
      valueOf(await repos.sessions.start(session.id))
      valueOf(
        await repos.results.updateMany(
          session.id,
          version.cases.map((c, i) => ({
            caseId: c.caseId,
            change:
              i % 17 === 5
                ? {
                    verdict: 'failed' as const,
                    notes: 'State report arrived after 9 s; the Alexa app showed the old state.',
                  }
                : { verdict: 'passed' as const },
          })),
        ),
      )
    }
  },

  counts: (database = defaultDbName) => countsOf(database === defaultDbName ? db : new LabDb(database)),

  async backUp() {
    const { bridge, time } = timedBridge()
    const idle = await timedEdits(20)
    const createdAt = new Date()
    const start = performance.now()
    const sink = await beginBackupSink(bridge, { target: 'folder', reason: 'daily' }, createdAt.toISOString())
    if (sink === null) throw new Error('Main cancelled an automatic backup, which has no dialog to close.')
    const backup = writeBackup(db, sink, { reason: 'daily', createdAt, changes: db.changes })
    const during = await editsUntil(backup)
    const written = await backup
    const ms = performance.now() - start
    if (!written.ok) throw new Error(written.problem.message)
    const { name, path, size, manifest } = written.value
    const edits = { during, idle }
    return { name, path, size, ms, chunks: time(), counts: manifest.counts, parts: manifest.parts.length, edits }
  },

  async restore(name) {
    const { bridge, time } = timedBridge()
    const start = performance.now()
    const opened = await lab.backups.openStored({ name })
    if (!opened.ok) throw new Error(opened.problem.message)
    const { handle, size } = opened.value
    try {
      const reader = await openBackupReader(name, size, labReadAt(bridge, handle, size), knownVersion)
      if (!reader.ok) throw new Error(reader.problem.message)
      const restored = await restoreIntoFreshDatabase({
        reader: reader.value,
        openFresh: (database, version) => new LabDb(database, { maxVersion: version }),
        upgrade: async (database) => {
          const upgraded = new LabDb(database)
          await upgraded.open()
          return upgraded
        },
        now: () => new Date(),
      })
      const ms = performance.now() - start
      if (!restored.ok) throw new Error(restored.problem.message)
      return { database: restored.value.database, ms, reads: time() }
    } finally {
      await lab.files.closeRead({ handle })
    }
  },

  async stage(name) {
    const opened = await lab.backups.openStored({ name })
    if (!opened.ok) throw new Error(opened.problem.message)
    const { handle, size } = opened.value
    try {
      const readAt = labReadAt(lab, handle, size)
      // Blob parts a read at a time, so the page never holds the file as one buffer.
      const parts: Blob[] = []
      for (let at = 0; at < size; at += maxChunkBytes) parts.push(new Blob([await readAt(at, maxChunkBytes)]))
      staged = { name, blob: new Blob(parts) }
      return staged.blob.size
    } finally {
      await lab.files.closeRead({ handle })
    }
  },

  async restoreStaged() {
    if (staged === undefined) throw new Error('Stage a backup first.')
    const { name, blob } = staged
    const start = performance.now()
    const readAt = async (offset: number, length: number) =>
      new Uint8Array(await blob.slice(offset, Math.min(blob.size, offset + length)).arrayBuffer())
    const reader = await openBackupReader(name, blob.size, readAt, knownVersion)
    if (!reader.ok) throw new Error(reader.problem.message)
    const restored = await restoreIntoFreshDatabase({
      reader: reader.value,
      openFresh: (database, version) => new LabDb(database, { maxVersion: version }),
      upgrade: async (database) => {
        const upgraded = new LabDb(database)
        await upgraded.open()
        return upgraded
      },
      now: () => new Date(),
    })
    const ms = performance.now() - start
    if (!restored.ok) throw new Error(restored.problem.message)
    staged = undefined
    return { database: restored.value.database, ms }
  },

  async compare(restoredName) {
    const restored = new LabDb(restoredName)
    await restored.open()
    try {
      for (const table of db.tables) {
        const other = restored.table(table.name)
        const [count, otherCount] = [await table.count(), await other.count()]
        if (count !== otherCount) return `${table.name}: ${otherCount} rows restored of ${count}`
        // A page of rows at a time by primary key, and one Blob's bytes at a time.
        const keys = await table.toCollection().primaryKeys()
        for (let at = 0; at < keys.length; at += comparePage) {
          const page = keys.slice(at, at + comparePage)
          const [mine, theirs] = [await table.bulkGet(page), await other.bulkGet(page)]
          for (let i = 0; i < page.length; i += 1) {
            // The edits made while the backup ran went on after it: the backup holds one of them, not the last.
            if (table.name === 'settings' && page[i] === 'bench-edit') {
              const held = (theirs[i] as { value?: unknown } | undefined)?.value
              if (typeof held !== 'number' || held < 1 || held > editCount)
                return `settings bench-edit restored as ${String(held)}`
              continue
            }
            if ((await comparable(mine[i])) !== (await comparable(theirs[i])))
              return `${table.name} ${JSON.stringify(page[i])} differs after the restore`
          }
        }
      }
      return null
    } finally {
      restored.close()
    }
  },

  async probeTransport(count, chunkBytes) {
    const bytes = photoBytes(7, chunkBytes, 'jpeg')
    const sha256 = await digestSha256Hex(bytes)
    const { bridge, time } = timedBridge()
    for (let i = 0; i < count; i += 1) {
      // A save ID main never handed out: the request is carried and parsed in full, then refused.
      const reply = await bridge.backups.writeChunk({
        saveId: crypto.randomUUID(),
        part: 'blobs/000001.bin',
        partSize: bytes.byteLength,
        offset: 0,
        sha256,
        bytes,
      })
      if (reply.ok) throw new Error('Main accepted a chunk for a backup it never began.')
    }
    return time()
  },
}

// The Node side calls this through page.evaluate; a global keeps the bundle free of any loader.
Object.assign(globalThis, { backupLab: api })
