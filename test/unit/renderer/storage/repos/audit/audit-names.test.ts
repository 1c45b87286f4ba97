import { describe, expect, it } from 'vitest'
import { nameKey } from '../../../../../../core/audit/read-change'
import { createRepositories } from '../../../../../../renderer/storage/repositories'
import { freshLabDb } from '../../../../../helpers/lab-db'
import { aHub, aProduct, aSkill, aUnit } from '../../../../../helpers/records'

const probeImage = () => Promise.reject(new Error('not used'))

describe('names for the audit trail', () => {
  it('names records, people and files by what a person reads, and a deleted record as the trail last named it', async () => {
    const db = freshLabDb()
    const repos = createRepositories(db, { probeImage })
    await repos.hubs.save(aHub())
    await repos.hubs.save(aHub({ id: 'h-2', brand: 'Zeta', modelNumber: 'Z2', asins: [] }))
    await repos.skills.save(aSkill())
    await repos.products.save(aProduct())
    await repos.units.save(aUnit())
    await repos.profile.save({
      id: 'lab',
      name: 'North Bench Lab',
      people: [
        { id: 'p-1', name: 'Jo Doe', initials: 'JD', role: 'tester', deactivatedAt: '2026-11-20T09:00:00.000Z' },
      ],
      updatedAt: '2026-11-20T09:00:00.000Z',
    })
    await db.files.put({
      id: 'f-1',
      name: 'front.jpg',
      mime: 'image/jpeg',
      size: 3,
      sha256: '0'.repeat(64),
      width: 1,
      height: 1,
      createdAt: '2026-11-20T09:00:00.000Z',
      blob: new Blob(['abc']),
    })
    expect((await repos.hubs.remove('h-2')).ok).toBe(true)

    const names = await repos.audit.names([
      { kind: 'hub', id: 'h-1' },
      { kind: 'hub', id: 'h-2' },
      { kind: 'skill', id: 's-1' },
      { kind: 'product', id: 'p-1' },
      { kind: 'unit', id: 'u-1' },
      { kind: 'person', id: 'p-1' },
      { kind: 'file', id: 'f-1' },
      { kind: 'file', id: 'f-gone' },
    ])
    expect(Object.fromEntries(names)).toEqual({
      [nameKey({ kind: 'hub', id: 'h-1' })]: 'Acme HUB-2',
      [nameKey({ kind: 'hub', id: 'h-2' })]: 'Zeta Z2 (deleted)',
      [nameKey({ kind: 'skill', id: 's-1' })]: 'Acme Home',
      [nameKey({ kind: 'product', id: 'p-1' })]: 'Acme AC-100',
      [nameKey({ kind: 'unit', id: 'u-1' })]: 'Unit SN-0001',
      [nameKey({ kind: 'person', id: 'p-1' })]: 'Jo Doe',
      [nameKey({ kind: 'file', id: 'f-1' })]: 'front.jpg',
    })
  })

  it('reads each table once for a whole page, however many entries point into it', async () => {
    const db = freshLabDb()
    const repos = createRepositories(db, { probeImage })
    await repos.hubs.save(aHub())
    let reads = 0
    const bulkGet = db.hubs.bulkGet.bind(db.hubs)
    db.hubs.bulkGet = ((keys: string[]) => {
      reads += 1
      return bulkGet(keys)
    }) as typeof db.hubs.bulkGet
    const refs = Array.from({ length: 100 }, () => ({ kind: 'hub' as const, id: 'h-1' }))
    expect((await repos.audit.names(refs)).size).toBe(1)
    expect(reads).toBe(1)
  })
})
