import { IDBFactory } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../../../renderer/storage/migrations'
import { freshLabDb } from '../../../helpers/lab-db'
import { aProduct } from '../../../helpers/records'

describe('LabDb', () => {
  it('opens at the newest version with every identity table', async () => {
    const db = freshLabDb()
    await db.open()
    expect(db.verno).toBe(migrations.at(-1)?.version)
    expect(db.tables.map((t) => t.name).sort()).toEqual(['drafts', 'files', 'hubs', 'products', 'profile', 'skills', 'thumbnails', 'units'])
    db.close()
  })

  it('keeps released versions in order and never skips a number', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1))
  })

  it('opens as an older release wrote it when asked, and a newer release reads its rows', async () => {
    const factory = new IDBFactory()
    const old = freshLabDb({ factory, maxVersion: 1 })
    await old.products.put(aProduct())
    old.close()
    const current = freshLabDb({ factory })
    expect(await current.products.get('p-1')).toEqual(aProduct())
    current.close()
  })
})
