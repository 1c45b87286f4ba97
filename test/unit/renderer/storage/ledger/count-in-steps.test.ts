import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import { countInSteps } from '../../../../../renderer/storage/ledger/database-facts'
import { LabDb } from '../../../../../renderer/storage/lab-db'

async function labWith(results: number, audit: number) {
  const db = new LabDb('wwa-lab', { indexedDB: new IDBFactory(), IDBKeyRange })
  await db.open()
  const idb = db.backendDB()
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction(['results', 'audit'], 'readwrite')
    for (let i = 0; i < results; i++)
      tx.objectStore('results').put({ sessionId: `s-${String(i).padStart(5, '0')}`, caseId: 'TC-1' })
    for (let i = 1; i <= audit; i++) tx.objectStore('audit').put({ seq: i, hash: `h${i}` })
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
  })
  return { db, idb }
}

describe('counting the history tables a step of keys at a time', () => {
  it.each([
    [0, 0],
    [1, 1],
    [7, 7],
    [20, 21],
    [45, 60],
    [41, 39],
  ])('counts %i results and %i audit entries exactly as count() does, in steps of 7 keys', async (results, audit) => {
    const { db, idb } = await labWith(results, audit)
    expect(await countInSteps(idb, ['results', 'audit'], { keyRange: IDBKeyRange, step: 7 })).toEqual({
      results,
      audit,
    })
    expect({ results: await db.results.count(), audit: await db.audit.count() }).toEqual({ results, audit })
    db.close()
  })

  it('counts in steps of one key too', async () => {
    const { db, idb } = await labWith(5, 4)
    expect(await countInSteps(idb, ['results', 'audit'], { keyRange: IDBKeyRange, step: 1 })).toEqual({
      results: 5,
      audit: 4,
    })
    db.close()
  })

  it('a record added while it counts leaves the count of the records already there whole', async () => {
    const { db, idb } = await labWith(0, 30)
    const counting = countInSteps(idb, ['audit'], { keyRange: IDBKeyRange, step: 4 })
    await db.audit.put({ seq: 31, hash: 'h31' } as never)
    const { audit } = await counting
    expect([30, 31]).toContain(audit)
    expect(await db.audit.count()).toBe(31)
    db.close()
  })

  it('counts a table the database lacks as empty', async () => {
    const { db, idb } = await labWith(3, 3)
    expect(await countInSteps(idb, ['results', 'no-such-table'], { keyRange: IDBKeyRange, step: 2 })).toEqual({
      results: 3,
      'no-such-table': 0,
    })
    db.close()
  })
})
