import './file-reader-shim'
import { unzipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate'
import { describe, expect, it } from 'vitest'
import { readZipDirectory } from '../../../../../core/backup/zip-directory'
import { openBackupReader } from '../../../../../renderer/storage/backup/read-backup'
import { restoreIntoFreshDatabase } from '../../../../../renderer/storage/backup/restore-backup'
import { writeBackup } from '../../../../../renderer/storage/backup/write-backup'
import { countedTables } from '../../../../../renderer/storage/ledger/counted-tables'
import { knownVersion, type LabDb } from '../../../../../renderer/storage/lab-db'
import { memorySink, profile, readAtOf } from './in-memory-backup'

const createdAt = new Date('2026-03-01T09:30:00.000Z')

function bytesOf(seed: number, size: number): Uint8Array<ArrayBuffer> {
  // A different pseudo-random run per seed, so no file's bytes appear inside another's.
  const bytes = new Uint8Array(size)
  let state = seed * 2654435761
  for (let i = 0; i < size; i += 1) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    bytes[i] = state >>> 24
  }
  return bytes
}

/** Every table gets rows; photos and thumbnails get Blobs of their own bytes. */
async function seed(db: LabDb) {
  await db.open()
  for (const table of db.tables) {
    if (table.name === 'files' || table.name === 'thumbnails') continue
    const keyPath = table.schema.primKey.keyPath
    for (let i = 1; i <= 3; i += 1) {
      const row: Record<string, unknown> = { note: `row ${i} of ${table.name}`, nested: { list: [i, 'é', null] } }
      if (Array.isArray(keyPath)) keyPath.forEach((k) => (row[k] = `${k}-${i}`))
      else if (table.name === 'audit')
        Object.assign(row, { seq: i, at: '2026-02-01T00:00:00.000Z', hash: 'a'.repeat(64) })
      else row[keyPath as string] = `${table.name}-${i}`
      await table.put(row)
    }
  }
  for (let i = 1; i <= 4; i += 1) {
    await db.files.put({
      id: `file-${i}`,
      blob: new Blob([bytesOf(i, 1000 * i + 17)], { type: 'image/jpeg' }),
    } as never)
    await db.thumbnails.put({
      fileId: `file-${i}`,
      blob: new Blob([bytesOf(i + 50, 300)], { type: 'image/webp' }),
      width: 4,
      height: 3,
    })
  }
}

async function snapshot(db: LabDb) {
  const out: Record<string, unknown[]> = {}
  for (const table of db.tables) {
    const rows = (await table.toArray()) as Record<string, unknown>[]
    out[table.name] = await Promise.all(
      rows.map(async (row) => {
        const plain: Record<string, unknown> = {}
        for (const [k, v] of Object.entries(row)) {
          plain[k] = v instanceof Blob ? { type: v.type, bytes: Array.from(new Uint8Array(await v.arrayBuffer())) } : v
        }
        return plain
      }),
    )
  }
  return out
}

async function backupOf(db: LabDb) {
  const memory = memorySink()
  const written = await writeBackup(db, memory.sink, { reason: 'manual', createdAt })
  if (!written.ok) throw new Error(written.problem.message)
  return { bytes: memory.bytes(), manifest: written.value.manifest }
}

describe('backup and restore', () => {
  it('restores every record of every table equal, and every Blob byte for byte, into a fresh database', async () => {
    const lab = profile()
    const db = lab.open('wwa-lab')
    await seed(db)
    const before = await snapshot(db)
    const { bytes, manifest } = await backupOf(db)

    expect(manifest.counts).toMatchObject({ files: 4, thumbnails: 4, audit: 3, drafts: 3, settings: 3 })
    expect(manifest.parts).toHaveLength(1 + 8)
    const reader = await openBackupReader('test-backup.zip', bytes.byteLength, readAtOf(bytes), knownVersion)
    if (!reader.ok) throw new Error(reader.problem.message)
    const restored = await restoreIntoFreshDatabase({ reader: reader.value, ...lab, now: () => createdAt })
    if (!restored.ok) throw new Error(restored.problem.message)

    expect(restored.value.database).toMatch(/^wwa-lab-restored-/)
    // The ledger counts only its tables, as start-up reads them back.
    expect(restored.value.ledger.counts).toEqual(
      Object.fromEntries(countedTables.map((table) => [table, manifest.counts[table]])),
    )
    expect(restored.value.ledger.head).toEqual({ seq: 3, hash: 'a'.repeat(64) })
    const copy = lab.open(restored.value.database)
    await copy.open()
    expect(await snapshot(copy)).toEqual(before)
    // The database in use was only read.
    expect(await snapshot(db)).toEqual(before)
  })

  it('restores more files than one batch holds (each batch committing while the next is read), every one byte for byte', async () => {
    const lab = profile()
    const db = lab.open('wwa-lab')
    await db.open()
    // 450 photos: past the 200 rows of one batch twice, so three batches commit one after another.
    const count = 450
    for (let i = 1; i <= count; i += 1) {
      await db.files.put({ id: `file-${i}`, blob: new Blob([bytesOf(i, 200 + i)], { type: 'image/jpeg' }) } as never)
    }
    const before = await snapshot(db)
    const { bytes, manifest } = await backupOf(db)
    expect(manifest.parts).toHaveLength(1 + count)

    const reader = await openBackupReader('many.zip', bytes.byteLength, readAtOf(bytes), knownVersion)
    if (!reader.ok) throw new Error(reader.problem.message)
    const progress: number[] = []
    const restored = await restoreIntoFreshDatabase({
      reader: reader.value,
      ...lab,
      now: () => createdAt,
      onProgress: ({ done }) => progress.push(done),
    })
    if (!restored.ok) throw new Error(restored.problem.message)

    const copy = lab.open(restored.value.database)
    await copy.open()
    expect((await snapshot(copy)).files).toEqual(before.files)
    expect(progress.at(-1)).toBe(manifest.parts.reduce((n, part) => n + part.size, 0))
  })

  it('still restores a backup as earlier releases wrote it (fflate in the renderer, records.json deflated)', async () => {
    const lab = profile()
    const db = lab.open('wwa-lab')
    await seed(db)
    const before = await snapshot(db)
    const { bytes } = await backupOf(db)
    // The same parts laid out by fflate's streaming Zip, as write-backup.ts did before main framed the zip.
    const out: Uint8Array[] = []
    const zip = new Zip((error, data) => {
      if (error) throw error
      out.push(data)
    })
    for (const [name, data] of Object.entries(unzipSync(bytes))) {
      const entry = name === 'records.json' ? new ZipDeflate(name, { level: 1 }) : new ZipPassThrough(name)
      zip.add(entry)
      entry.push(data, true)
    }
    zip.end()
    const old = new Uint8Array(Buffer.concat(out))
    const directory = await readZipDirectory('old.zip', old.byteLength, readAtOf(old))
    expect(directory.ok && directory.value.get('records.json')?.method).toBe(8)

    const reader = await openBackupReader('old.zip', old.byteLength, readAtOf(old), knownVersion)
    if (!reader.ok) throw new Error(reader.problem.message)
    const restored = await restoreIntoFreshDatabase({ reader: reader.value, ...lab, now: () => createdAt })
    if (!restored.ok) throw new Error(restored.problem.message)
    const copy = lab.open(restored.value.database)
    await copy.open()
    expect(await snapshot(copy)).toEqual(before)
  })

  it('refuses a backup with one byte of one photo changed, naming the part, and leaves no restored database', async () => {
    const lab = profile()
    const db = lab.open('wwa-lab')
    await seed(db)
    const { bytes, manifest } = await backupOf(db)
    // file-2's photo: 2,017 bytes, the only part of that size.
    const photo = manifest.parts.find((part) => part.size === 2017)!
    // Find the photo's bytes in the file and change one.
    const needle = bytesOf(2, 64)
    let at = -1
    for (let i = 0; i < bytes.byteLength - 64 && at < 0; i += 1) if (needle.every((b, j) => bytes[i + j] === b)) at = i
    expect(at).toBeGreaterThan(0)
    bytes[at + 10] = (bytes[at + 10] ?? 0) ^ 0xff

    const reader = await openBackupReader('test-backup.zip', bytes.byteLength, readAtOf(bytes), knownVersion)
    if (!reader.ok) throw new Error(reader.problem.message)
    const restored = await restoreIntoFreshDatabase({ reader: reader.value, ...lab, now: () => createdAt })

    expect(restored.ok).toBe(false)
    if (restored.ok) return
    expect(restored.problem.message).toContain(`the part ${photo.name} does not match its SHA-256`)
    expect(restored.problem.message).toContain('Nothing was restored')
    expect((await lab.factory.databases()).map((d) => d.name)).toEqual(['wwa-lab'])
  })

  it('refuses a backup whose manifest count was changed, and leaves no restored database', async () => {
    const lab = profile()
    const db = lab.open('wwa-lab')
    await seed(db)
    const { bytes } = await backupOf(db)
    // Same length, so the zip's directory still holds: "drafts":3 becomes "drafts":4.
    const text = new TextDecoder('latin1').decode(bytes)
    const at = text.lastIndexOf('"drafts":3')
    expect(at).toBeGreaterThan(0)
    bytes[at + '"drafts":'.length] = '4'.charCodeAt(0)

    const reader = await openBackupReader('test-backup.zip', bytes.byteLength, readAtOf(bytes), knownVersion)
    if (!reader.ok) throw new Error(reader.problem.message)
    const restored = await restoreIntoFreshDatabase({ reader: reader.value, ...lab, now: () => createdAt })

    expect(restored).toMatchObject({ ok: false })
    if (restored.ok) return
    expect(restored.problem.message).toContain('holds 3 records in drafts where its manifest says 4')
    expect((await lab.factory.databases()).map((d) => d.name)).toEqual(['wwa-lab'])
  })

  it('refuses a truncated backup before reading any part', async () => {
    const lab = profile()
    const db = lab.open('wwa-lab')
    await seed(db)
    const { bytes } = await backupOf(db)
    const cut = bytes.slice(0, bytes.byteLength - 100)

    const reader = await openBackupReader('cut.zip', cut.byteLength, readAtOf(cut), knownVersion)

    expect(reader).toMatchObject({ ok: false, problem: { code: 'truncated' } })
    if (!reader.ok) expect(reader.problem.message).toContain('cut.zip is not a complete backup')
  })

  it('refuses a backup of a newer storage version, naming both versions', async () => {
    const lab = profile()
    const db = lab.open('wwa-lab')
    await seed(db)
    const { bytes } = await backupOf(db)

    const reader = await openBackupReader('new.zip', bytes.byteLength, readAtOf(bytes), knownVersion - 1)

    expect(reader).toMatchObject({ ok: false, problem: { code: 'newer-schema' } })
    if (!reader.ok) {
      expect(reader.problem.message).toContain(`storage version ${knownVersion}`)
      expect(reader.problem.message).toContain(`up to version ${knownVersion - 1}`)
    }
  })
})
