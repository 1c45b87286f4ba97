import { IDBFactory } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import { freshLabDb } from '../../../../helpers/lab-db'

const at = '2026-11-20T09:00:00.000Z'

/** A file row as version 5 wrote it: a small image, named by its index. */
const fileRow = (i: number) => ({
  id: `f-${i}`,
  name: `Foto ${i} – Typenschild.jpg`,
  mime: 'image/jpeg',
  size: 4,
  sha256: i.toString(16).padStart(64, '0'),
  width: 40,
  height: 30,
  createdAt: at,
  blob: new Blob([Uint8Array.of(0xff, 0xd8, i % 256, 0)], { type: 'image/jpeg' }),
})
/** A hash row as version 5 wrote it: no name. */
const hashRow = (i: number) => ({
  fileId: `f-${i}`,
  dHash: '0123456789abcdef',
  pHash: 'fedcba9876543210',
  width: 40,
  height: 30,
})

describe('migration 6: image hashes carry their file names', () => {
  it('names every hash row of a big lab from its file, batch after batch, and keeps one whose file is gone', async () => {
    const factory = new IDBFactory()
    const v5 = freshLabDb({ factory, maxVersion: 5 })
    // More rows than one batch of files holds (500), so the upgrade reads several; every 97th file is not there.
    const count = 1_234
    const gone = (i: number) => i % 97 === 0
    const indexes = Array.from({ length: count }, (_, i) => i)
    await v5.table('files').bulkPut(indexes.filter((i) => !gone(i)).map(fileRow))
    await v5.table('imageHashes').bulkPut(indexes.map(hashRow))
    // A file with no hashes (stored before hashing existed) gets no hash row.
    await v5.table('files').put(fileRow(count))
    v5.close()

    const v6 = freshLabDb({ factory, maxVersion: 6 })
    await v6.open()
    expect(v6.verno).toBe(6)
    const rows = await v6.imageHashes.toArray()
    expect(rows).toHaveLength(count)
    for (const row of rows) {
      const i = Number(row.fileId.slice(2))
      expect(row, row.fileId).toEqual({ ...hashRow(i), name: gone(i) ? 'Image' : fileRow(i).name })
    }
    expect(await v6.files.count()).toBe(count - Math.ceil(count / 97) + 1)
    v6.close()
  })
})
