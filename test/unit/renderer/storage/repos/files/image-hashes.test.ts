import { describe, expect, it } from 'vitest'
import type { ImageProbe } from '../../../../../../renderer/media/image-probe'
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

describe('perceptual hashes of stored images', () => {
  it('are stored with the photo, from the one decode that also made its thumbnail', async () => {
    const db = freshLabDb()
    const calls = { count: 0 }
    const files = createFilesRepo(db, { probeImage: probeWith(true, calls) })
    const stored = await files.storePhoto({ name: 'front.png', bytes: png(200) })
    if (!stored.ok) throw new Error(stored.problem.message)
    expect(calls.count).toBe(1)
    expect(await files.imageHashes([stored.value.id, 'gone'])).toEqual(
      new Map([[stored.value.id, { fileId: stored.value.id, ...hashes, width: 40, height: 30 }]]),
    )
  })

  it('are made once for images stored before hashing existed; files that are not images are left alone', async () => {
    const db = freshLabDb()
    const before = createFilesRepo(db, { probeImage: probeWith(false) })
    const photo = await before.storePhoto({ name: 'old.png', bytes: png(100) })
    const log = await before.storeEvidence({ name: 'bench.log', bytes: new TextEncoder().encode('boot ok\n') })
    if (!photo.ok || !log.ok) throw new Error('not stored')
    expect((await before.imageHashes([photo.value.id])).size).toBe(0)

    const calls = { count: 0 }
    const now = createFilesRepo(db, { probeImage: probeWith(true, calls) })
    expect(await now.hashImages([photo.value.id, log.value.id, photo.value.id, 'gone'])).toBe(1)
    expect((await now.imageHashes([photo.value.id])).get(photo.value.id)).toMatchObject(hashes)
    expect(await now.hashImages([photo.value.id])).toBe(0)
    expect(calls.count).toBe(1)
  })

  it('decode each image once when two pages ask at the same time', async () => {
    const db = freshLabDb()
    const before = createFilesRepo(db, { probeImage: probeWith(false) })
    const ids: string[] = []
    for (const r of [10, 20, 30]) {
      const photo = await before.storePhoto({ name: `old-${r}.png`, bytes: png(r) })
      if (!photo.ok) throw new Error(photo.problem.message)
      ids.push(photo.value.id)
    }
    const calls = { count: 0 }
    const now = createFilesRepo(db, { probeImage: probeWith(true, calls) })
    const [first, second] = await Promise.all([now.hashImages(ids), now.hashImages([...ids].reverse())])
    expect(first + second).toBe(3)
    expect(calls.count).toBe(3)
    expect((await now.imageHashes(ids)).size).toBe(3)
  })

  it('leave an image that cannot be decoded without, and say so by the count', async () => {
    const db = freshLabDb()
    const before = createFilesRepo(db, { probeImage: probeWith(false) })
    const photo = await before.storePhoto({ name: 'old.png', bytes: png(50) })
    if (!photo.ok) throw new Error(photo.problem.message)
    const failing = createFilesRepo(db, { probeImage: () => Promise.reject(new Error('decode failed')) })
    expect(await failing.hashImages([photo.value.id])).toBe(0)
    expect((await failing.imageHashes([photo.value.id])).size).toBe(0)
  })
})
