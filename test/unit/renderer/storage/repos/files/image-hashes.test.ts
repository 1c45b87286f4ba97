import { describe, expect, it, vi } from 'vitest'
import type { ImageProbe } from '../../../../../../renderer/media/image-probe'
import type { LabDb } from '../../../../../../renderer/storage/lab-db'
import { createFilesRepo } from '../../../../../../renderer/storage/repos/files/files-repo'
import { freshLabDb } from '../../../../../helpers/lab-db'
import { encodePng } from '../../../../../helpers/png'

const hashes = { dHash: '0123456789abcdef', pHash: 'fedcba9876543210' }
const probeWith =
  (withHashes: boolean, calls: { count: number } = { count: 0 }): ImageProbe =>
  async () => {
    calls.count += 1
    return {
      width: 40,
      height: 30,
      thumbnail: new Blob([new Uint8Array(4)], { type: 'image/webp' }),
      thumbnailWidth: 40,
      thumbnailHeight: 30,
      ...(withHashes ? { hashes } : {}),
    }
  }
const png = (r: number) => encodePng({ width: 40, height: 30, colour: { r, g: 10, b: 10 } })

/** Stores a photo, hashed or not, and gives its id. */
async function stored(db: LabDb, name: string, r: number, hashed = true): Promise<string> {
  const photo = await createFilesRepo(db, { probeImage: probeWith(hashed) }).storePhoto({ name, bytes: png(r) })
  if (!photo.ok) throw new Error(photo.problem.message)
  return photo.value.id
}

describe('perceptual hashes of stored images', () => {
  it('are stored with the photo and its name, from the one decode that also made its thumbnail', async () => {
    const db = freshLabDb()
    const calls = { count: 0 }
    const files = createFilesRepo(db, { probeImage: probeWith(true, calls) })
    const photo = await files.storePhoto({ name: 'front.png', bytes: png(200) })
    if (!photo.ok) throw new Error(photo.problem.message)
    expect(calls.count).toBe(1)
    expect(await db.imageHashes.get(photo.value.id)).toEqual({
      fileId: photo.value.id,
      name: 'front.png',
      ...hashes,
      width: 40,
      height: 30,
    })
    expect(await files.imageFacts([photo.value.id, 'gone'])).toEqual(
      new Map([[photo.value.id, { name: 'front.png', ...hashes }]]),
    )
  })

  it('are made once for images stored before hashing existed, with their names; files that are not images are left alone', async () => {
    const db = freshLabDb()
    const before = createFilesRepo(db, { probeImage: probeWith(false) })
    const photo = await before.storePhoto({ name: 'old.png', bytes: png(100) })
    const log = await before.storeEvidence({ name: 'bench.log', bytes: new TextEncoder().encode('boot ok\n') })
    if (!photo.ok || !log.ok) throw new Error('not stored')
    expect(await before.imageFacts([photo.value.id])).toEqual(
      new Map([[photo.value.id, { name: 'old.png', dHash: null, pHash: null }]]),
    )

    const calls = { count: 0 }
    const now = createFilesRepo(db, { probeImage: probeWith(true, calls) })
    expect(await now.hashImages([photo.value.id, log.value.id, photo.value.id, 'gone'])).toBe(1)
    expect(await db.imageHashes.get(photo.value.id)).toMatchObject({ name: 'old.png', ...hashes })
    expect(await db.imageHashes.get(log.value.id)).toBeUndefined()
    expect((await now.imageFacts([photo.value.id])).get(photo.value.id)).toEqual({ name: 'old.png', ...hashes })
    expect(await now.hashImages([photo.value.id])).toBe(0)
    expect(calls.count).toBe(1)
  })

  it('decode each image once when two pages ask at the same time', async () => {
    const db = freshLabDb()
    const ids = [await stored(db, 'old-10.png', 10, false), await stored(db, 'old-20.png', 20, false)]
    ids.push(await stored(db, 'old-30.png', 30, false))
    const calls = { count: 0 }
    const now = createFilesRepo(db, { probeImage: probeWith(true, calls) })
    const [first, second] = await Promise.all([now.hashImages(ids), now.hashImages([...ids].reverse())])
    expect(first + second).toBe(3)
    expect(calls.count).toBe(3)
    expect([...(await now.imageFacts(ids)).values()]).toEqual(
      ['old-10.png', 'old-20.png', 'old-30.png'].map((name) => ({ name, ...hashes })),
    )
  })

  it('leave an image that cannot be decoded without, and say so by the count', async () => {
    const db = freshLabDb()
    const id = await stored(db, 'old.png', 50, false)
    const failing = createFilesRepo(db, { probeImage: () => Promise.reject(new Error('decode failed')) })
    expect(await failing.hashImages([id])).toBe(0)
    expect(await failing.imageFacts([id])).toEqual(new Map([[id, { name: 'old.png', dHash: null, pHash: null }]]))
  })
})

describe('the facts of images a comparison reads', () => {
  /** Eight hashed photos (a0.png … a7.png) and one stored before hashing existed (old.png). */
  async function lab() {
    const db = freshLabDb()
    const hashed: string[] = []
    for (let i = 0; i < 8; i += 1) hashed.push(await stored(db, `a${i}.png`, 10 + i * 20))
    const unhashed = await stored(db, 'old.png', 250, false)
    const files = createFilesRepo(db, { probeImage: probeWith(true) })
    const reads = {
      byKey: vi.spyOn(db.imageHashes, 'bulkGet'),
      all: vi.spyOn(db.imageHashes, 'toArray'),
      files: vi.spyOn(db.files, 'bulkGet'),
      file: vi.spyOn(db.files, 'get'),
    }
    return { db, files, hashed, unhashed, reads }
  }
  const factsOf = (name: string) => ({ name, ...hashes })

  it('read a few images by key, and never the files of hashed ones', async () => {
    const { files, hashed, reads } = await lab()
    const [a1 = '', a4 = ''] = [hashed[1], hashed[4]]
    // One of eight: under a quarter of the table, so by key.
    expect(await files.imageFacts([a4, a4])).toEqual(new Map([[a4, factsOf('a4.png')]]))
    expect(reads.byKey).toHaveBeenCalledTimes(1)
    expect(reads.all).not.toHaveBeenCalled()
    expect(reads.files).not.toHaveBeenCalled()
    expect(reads.file).not.toHaveBeenCalled()
    expect(await files.imageFacts([a1, 'gone'])).toEqual(new Map([[a1, factsOf('a1.png')]]))
  })

  it('read many images in one request for the whole table, in the order asked, and only unhashed ones from the files', async () => {
    const { files, hashed, unhashed, reads } = await lab()
    const asked = [unhashed, ...[...hashed].reverse(), 'gone']
    const facts = await files.imageFacts(asked)
    expect(reads.all).toHaveBeenCalledTimes(1)
    expect(reads.byKey).not.toHaveBeenCalled()
    // The files store is asked only for the image with no hashes (and the one that is gone), for their names.
    expect(reads.files).toHaveBeenCalledTimes(1)
    expect(reads.files).toHaveBeenCalledWith([unhashed, 'gone'])
    expect([...facts.keys()]).toEqual([unhashed, ...[...hashed].reverse()])
    expect(facts.get(unhashed)).toEqual({ name: 'old.png', dHash: null, pHash: null })
    hashed.forEach((id, i) => expect(facts.get(id), id).toEqual(factsOf(`a${i}.png`)))
  })

  it('name a hashed image from its hashes even when its file row cannot be read', async () => {
    const { db, files, hashed } = await lab()
    const [a0 = '', a2 = ''] = [hashed[0], hashed[2]]
    await db.files.bulkDelete([a0, a2])
    expect(await files.imageFacts([a0])).toEqual(new Map([[a0, factsOf('a0.png')]]))
    expect((await files.imageFacts(hashed)).get(a2)).toEqual(factsOf('a2.png'))
  })

  it('read nothing for no images', async () => {
    const { files, reads } = await lab()
    expect(await files.imageFacts([])).toEqual(new Map())
    expect(reads.byKey).not.toHaveBeenCalled()
    expect(reads.all).not.toHaveBeenCalled()
  })
})
