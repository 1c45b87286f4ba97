import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { maxEvidenceBytes } from '../../../../../../core/model/result'
import { maxPhotoBytes } from '../../../../../../core/model/stored-file'
import type { ImageProbe } from '../../../../../../renderer/media/image-probe'
import { createFilesRepo } from '../../../../../../renderer/storage/repos/files/files-repo'
import { freshLabDb } from '../../../../../helpers/lab-db'
import { encodePng } from '../../../../../helpers/png'

const probe: ImageProbe = async (image) => ({
  width: 40,
  height: 30,
  thumbnail: new Blob([new Uint8Array(await image.arrayBuffer()).slice(0, 16)], { type: 'image/webp' }),
  thumbnailWidth: 40,
  thumbnailHeight: 30,
})

describe('files repository', () => {
  it('stores a photo as a Blob with its SHA-256, type, size and pixel size, and gives the same bytes back', async () => {
    const db = freshLabDb()
    const files = createFilesRepo(db, { probeImage: probe })
    const bytes = encodePng({ width: 40, height: 30, colour: { r: 200, g: 10, b: 10 } })
    const outcome = await files.storePhoto({ name: 'front.png', bytes })
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.value).toMatchObject({
      name: 'front.png',
      mime: 'image/png',
      size: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      width: 40,
      height: 30,
    })
    const original = await files.original(outcome.value.id)
    expect(original).toBeInstanceOf(Blob)
    expect(new Uint8Array(await original!.arrayBuffer())).toEqual(bytes)
    const thumbnail = await files.thumbnail(outcome.value.id)
    expect(thumbnail?.blob.size).toBeGreaterThan(0)
    expect(await files.metas([outcome.value.id])).toEqual([outcome.value])
  })

  it('keeps the same bytes once, however often they are added', async () => {
    const files = createFilesRepo(freshLabDb(), { probeImage: probe })
    const bytes = encodePng({ width: 8, height: 8, colour: { r: 0, g: 0, b: 255 } })
    const a = await files.storePhoto({ name: 'a.png', bytes })
    const b = await files.storePhoto({ name: 'b.png', bytes })
    expect(a.ok && b.ok && a.value.id === b.value.id).toBe(true)
  })

  it('refuses a file that is not an image, naming it, and stores nothing', async () => {
    const db = freshLabDb()
    const files = createFilesRepo(db, { probeImage: probe })
    const outcome = await files.storePhoto({ name: 'console.log', bytes: new TextEncoder().encode('boot ok\n') })
    expect(outcome).toEqual({
      ok: false,
      problem: { code: 'invalid', message: expect.stringContaining('console.log is not a photo') },
    })
    expect(await db.files.count()).toBe(0)
  })

  it('refuses a photo over the size limit before hashing it', async () => {
    const db = freshLabDb()
    const files = createFilesRepo(db, { probeImage: probe })
    const outcome = await files.storePhoto({ name: 'huge.png', bytes: new Uint8Array(maxPhotoBytes + 1) })
    expect(outcome.ok).toBe(false)
    expect(!outcome.ok && outcome.problem.message).toMatch(/huge\.png is 40 MiB; photos can be at most 40 MiB/)
    expect(await db.files.count()).toBe(0)
  })

  it('refuses an image that cannot be decoded and stores nothing', async () => {
    const db = freshLabDb()
    const files = createFilesRepo(db, {
      probeImage: () => Promise.reject(new Error('decode failed')),
    })
    const whole = encodePng({ width: 10, height: 10, colour: { r: 1, g: 2, b: 3 } })
    const outcome = await files.storePhoto({ name: 'odd.png', bytes: whole })
    expect(!outcome.ok && outcome.problem.message).toMatch(/odd\.png could not be read as an image/)
    // Cut short, it is refused before any decode.
    const cut = await files.storePhoto({ name: 'cut.png', bytes: whole.slice(0, 40) })
    expect(!cut.ok && cut.problem.message).toMatch(/^cut\.png is cut short/)
    expect(await db.files.count()).toBe(0)
    expect(await db.thumbnails.count()).toBe(0)
  })
})

describe('evidence files', () => {
  it('keeps a log as it is, typed by its name, without a thumbnail', async () => {
    const db = freshLabDb()
    const files = createFilesRepo(db, { probeImage: probe })
    const outcome = await files.storeEvidence({
      name: 'bench.log',
      bytes: new TextEncoder().encode('BM boot ok\nrelay on\n'),
    })
    expect(outcome).toMatchObject({
      ok: true,
      value: { name: 'bench.log', mime: 'text/plain', width: null, height: null },
    })
    expect(await db.thumbnails.count()).toBe(0)
  })

  it('refuses a file named as a photo that is not one', async () => {
    const db = freshLabDb()
    const files = createFilesRepo(db, { probeImage: probe })
    const outcome = await files.storeEvidence({
      name: 'photo.jpg',
      bytes: new TextEncoder().encode('not really a photo'),
    })
    expect(outcome).toEqual({
      ok: false,
      problem: { code: 'invalid', message: expect.stringContaining('photo.jpg is not a photo') },
    })
    expect(await db.files.count()).toBe(0)
  })

  it('refuses evidence over the size limit, naming the file', async () => {
    const files = createFilesRepo(freshLabDb(), { probeImage: probe })
    const outcome = await files.storeEvidence({ name: 'capture.pcap', bytes: new Uint8Array(maxEvidenceBytes + 1) })
    expect(!outcome.ok && outcome.problem.message).toMatch(
      /capture\.pcap is 40 MiB; evidence files can be at most 40 MiB/,
    )
  })
})
