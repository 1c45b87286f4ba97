import { createHash } from 'node:crypto'
import { crc32 } from 'node:zlib'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { createBackupFileWriter, type BackupChunk } from '../../../../core/backup/backup-file-writer'
import { backupFormatVersion } from '../../../../core/backup/manifest'
import { readBackupManifest } from '../../../../core/backup/read-manifest'
import { readZipDirectory } from '../../../../core/backup/zip-directory'

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')
const head = {
  schemaVersion: 3,
  createdAt: '2026-03-01T09:30:00.000Z',
  reason: 'daily' as const,
  database: 'wwa-lab',
  counts: { files: 2 },
}

function bytesOf(seed: number, size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size)
  let state = seed * 2654435761
  for (let i = 0; i < size; i += 1) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    bytes[i] = state >>> 24
  }
  return bytes
}

function writer() {
  const pieces: Uint8Array[] = []
  const zip = createBackupFileWriter('lab.zip', {
    write: async (bytes) => void pieces.push(bytes.slice()),
    crc32: (bytes, value) => crc32(bytes, value),
    sha256Hex: sha,
    createSha256: () => {
      const hash = createHash('sha256')
      return { update: (bytes) => void hash.update(bytes), hex: () => hash.digest('hex') }
    },
  })
  const file = () => new Uint8Array(Buffer.concat(pieces))
  return { zip, file }
}

/** The chunks the renderer would send for one part: pieces of `chunk` bytes, each with its SHA-256. */
function chunksOf(part: string, bytes: Uint8Array, chunk: number): BackupChunk[] {
  const out: BackupChunk[] = []
  for (let offset = 0; offset < bytes.byteLength || offset === 0; offset += chunk) {
    const piece = bytes.slice(offset, offset + chunk)
    out.push({ part, partSize: bytes.byteLength, offset, sha256: sha(piece), bytes: piece })
    if (bytes.byteLength === 0) break
  }
  return out
}

const readAtOf = (bytes: Uint8Array) => async (offset: number, length: number) =>
  bytes.slice(offset, Math.min(bytes.byteLength, offset + length))

describe('the backup file main writes', () => {
  it('is a zip any unzip reads, with each part whole, its CRC-32 right, and a manifest of the parts as received', async () => {
    const { zip, file } = writer()
    const records = new TextEncoder().encode('{"formatName":"dexie","data":[]}')
    const photo = bytesOf(1, 10_000)
    const large = bytesOf(2, 25_000)
    const empty = new Uint8Array(0)
    for (const chunk of [
      ...chunksOf('records.json', records, 1024),
      ...chunksOf('blobs/000001.bin', photo, 10_000),
      // A part larger than one chunk: main hashes it whole as it arrives.
      ...chunksOf('blobs/000002.bin', large, 8_000),
      ...chunksOf('blobs/000003.bin', empty, 8_000),
    ])
      await zip.writeChunk(chunk)
    const { manifest, size } = await zip.finish(head)
    const bytes = file()

    expect(size).toBe(bytes.byteLength)
    expect(manifest.parts).toEqual([
      { name: 'records.json', size: records.byteLength, sha256: sha(records) },
      { name: 'blobs/000001.bin', size: photo.byteLength, sha256: sha(photo) },
      { name: 'blobs/000002.bin', size: large.byteLength, sha256: sha(large) },
      { name: 'blobs/000003.bin', size: 0, sha256: sha(empty) },
    ])
    // fflate checks nothing but the layout; the CRC-32 in the directory is compared with the bytes here.
    const unzipped = unzipSync(bytes)
    expect(Object.keys(unzipped)).toEqual([
      'records.json',
      'blobs/000001.bin',
      'blobs/000002.bin',
      'blobs/000003.bin',
      'manifest.json',
    ])
    expect(unzipped['blobs/000002.bin']).toEqual(large)
    const directory = await readZipDirectory('lab.zip', bytes.byteLength, readAtOf(bytes))
    if (!directory.ok) throw new Error(directory.problem.message)
    expect(directory.value.get('blobs/000002.bin')?.crc32).toBe(crc32(large))
    expect(directory.value.get('records.json')?.crc32).toBe(crc32(records))
    const opened = await readBackupManifest('lab.zip', bytes.byteLength, readAtOf(bytes), 3)
    if (!opened.ok) throw new Error(opened.problem.message)
    expect(opened.value.manifest).toEqual(manifest)
    expect(manifest).toMatchObject({ format: 'wwa-lab-backup', formatVersion: backupFormatVersion, ...head })
  })

  it('refuses a chunk whose bytes do not match the SHA-256 the renderer sent, naming the part', async () => {
    const { zip } = writer()
    const photo = bytesOf(3, 5000)
    const [chunk] = chunksOf('blobs/000001.bin', photo, 5000)
    const damaged = chunk!.bytes.slice()
    damaged[100] = (damaged[100] ?? 0) ^ 1

    await expect(zip.writeChunk({ ...chunk!, bytes: damaged })).rejects.toThrow(
      'Could not write the backup lab.zip: a piece of the part blobs/000001.bin arrived damaged (its SHA-256 does not match).',
    )
  })

  it('refuses pieces out of order, a part that grows past its size, a part named twice, and an unfinished part', async () => {
    const photo = bytesOf(4, 3000)
    const [first, second] = chunksOf('blobs/000001.bin', photo, 2000)

    const skipped = writer()
    await expect(skipped.zip.writeChunk(second!)).rejects.toThrow('arrived out of order')

    const grown = writer()
    await expect(grown.zip.writeChunk({ ...first!, partSize: 1000 })).rejects.toThrow(
      'the part blobs/000001.bin holds more bytes than it said it would',
    )

    const interleaved = writer()
    await interleaved.zip.writeChunk(first!)
    const [other] = chunksOf('blobs/000002.bin', photo, 3000)
    await expect(interleaved.zip.writeChunk(other!)).rejects.toThrow(
      'the part blobs/000002.bin began before blobs/000001.bin was complete',
    )

    const twice = writer()
    const [whole] = chunksOf('records.json', photo, 3000)
    await twice.zip.writeChunk(whole!)
    await expect(twice.zip.writeChunk(whole!)).rejects.toThrow('the part records.json arrived twice')

    const unfinished = writer()
    await unfinished.zip.writeChunk(whole!)
    await unfinished.zip.writeChunk(first!)
    await expect(unfinished.zip.finish(head)).rejects.toThrow(
      'it was finished before the part blobs/000001.bin was complete',
    )

    const noRecords = writer()
    await expect(noRecords.zip.finish(head)).rejects.toThrow('it was finished without its records.json')
  })

  it('refuses a part named like the manifest', async () => {
    const { zip } = writer()
    const [chunk] = chunksOf('manifest.json', bytesOf(5, 10), 10)
    await expect(zip.writeChunk(chunk!)).rejects.toThrow('a part may not be named "manifest.json"')
  })
})
