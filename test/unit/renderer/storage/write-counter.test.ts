import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import { LabDb } from '../../../../renderer/storage/lab-db'
import { createWriteCounter } from '../../../../renderer/storage/write-counter'
import { freshLabDb } from '../../../helpers/lab-db'
import { aProduct } from '../../../helpers/records'

describe('the write counter', () => {
  it('counts committed writes by table, of its own database only, and tells listeners of the tables they watch', async () => {
    const db = freshLabDb()
    const other = new LabDb('another-lab', { indexedDB: new IDBFactory(), IDBKeyRange })
    await Promise.all([db.open(), other.open()])
    const counter = createWriteCounter(db.name)
    const heard: string[] = []
    const stop = counter.onWrite(['products', 'hubs'], () => heard.push('catalogue'))
    expect(counter.count(['products'])).toBe(0)

    await db.products.put(aProduct({ id: 'p-1' }))
    await db.transaction('rw', db.products, db.settings, async () => {
      await db.products.put(aProduct({ id: 'p-2' }))
      await db.settings.put({ key: 'theme', value: 'dark' })
    })
    await other.products.put(aProduct({ id: 'p-3' }))
    await db.settings.put({ key: 'theme', value: 'light' })
    // A transaction that fails writes nothing, and is not counted.
    await db
      .transaction('rw', db.products, async () => {
        await db.products.put(aProduct({ id: 'p-4' }))
        throw new Error('abandoned')
      })
      .catch(() => undefined)

    // The event follows the commit on a later turn.
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(counter.count(['products'])).toBe(2)
    expect(counter.count(['settings'])).toBe(2)
    expect(counter.count(['products', 'settings', 'hubs'])).toBe(4)
    expect(heard).toEqual(['catalogue', 'catalogue'])

    stop()
    await db.products.delete('p-1')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(counter.count(['products'])).toBe(3)
    expect(heard).toHaveLength(2)
    db.close()
    other.close()
  })
})
