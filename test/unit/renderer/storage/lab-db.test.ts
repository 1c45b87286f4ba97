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
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'audit',
      'drafts',
      'files',
      'frozenPlans',
      'hubs',
      'imageHashes',
      'listingSnapshots',
      'planSummaries',
      'planVersions',
      'products',
      'profile',
      'results',
      'reviewDecisions',
      'sessions',
      'settings',
      'skillSnapshots',
      'skills',
      'thumbnails',
      'units',
    ])
    db.close()
  })

  it('keeps released versions in order and never skips a number', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1))
  })

  it('upgrades a version 1 database to version 2 keeping every row, with empty plan, session and audit stores', async () => {
    const factory = new IDBFactory()
    const v1 = freshLabDb({ factory, maxVersion: 1 })
    await v1.products.put(aProduct())
    expect(v1.tables.map((t) => t.name)).not.toContain('audit')
    v1.close()
    const v2 = freshLabDb({ factory, maxVersion: 2 })
    expect(await v2.products.get('p-1')).toEqual(aProduct())
    expect(await v2.audit.count()).toBe(0)
    expect(await v2.sessions.count()).toBe(0)
    expect(v2.verno).toBe(2)
    v2.close()
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
