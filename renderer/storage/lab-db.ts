import Dexie, { type EntityTable } from 'dexie'
import type { Hub } from '../../core/model/hub'
import type { LabProfile } from '../../core/model/lab-profile'
import type { Product } from '../../core/model/product'
import type { Skill } from '../../core/model/skill'
import type { StoredFileMeta } from '../../core/model/stored-file'
import type { Unit } from '../../core/model/unit'
import { migrations } from './migrations'

export type StoredFileRow = StoredFileMeta & { readonly blob: Blob }
/** An editor's text that does not pass its checks yet, kept so nothing typed is lost. */
export type DraftRow = {
  readonly key: string
  readonly kind: DraftKind
  readonly recordId: string
  readonly title: string
  readonly value: unknown
  readonly savedAt: string
}
export type DraftKind = 'lab' | 'products' | 'hubs' | 'skills' | 'units'

export type ThumbnailRow = { readonly fileId: string; readonly blob: Blob; readonly width: number; readonly height: number }

export type LabDbOptions = {
  /** Open the database as the release with this version wrote it (for migration tests). */
  readonly maxVersion?: number
  /** An IndexedDB implementation other than the page's (fake-indexeddb in tests). */
  readonly indexedDB?: IDBFactory
  readonly IDBKeyRange?: typeof IDBKeyRange
}

export const defaultDbName = 'wwa-lab'

/** The lab's database. The schema only grows; each version lives in migrations/. */
export class LabDb extends Dexie {
  declare profile: EntityTable<LabProfile, 'id'>
  declare products: EntityTable<Product, 'id'>
  declare hubs: EntityTable<Hub, 'id'>
  declare skills: EntityTable<Skill, 'id'>
  declare units: EntityTable<Unit, 'id'>
  declare files: EntityTable<StoredFileRow, 'id'>
  declare thumbnails: EntityTable<ThumbnailRow, 'fileId'>
  declare drafts: EntityTable<DraftRow, 'key'>

  constructor(name: string = defaultDbName, options: LabDbOptions = {}) {
    super(name, {
      // A saved result must survive a power cut: Chrome's default "relaxed" durability does not promise that.
      chromeTransactionDurability: 'strict',
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
    })
    const highest = options.maxVersion ?? Number.POSITIVE_INFINITY
    for (const migration of migrations) {
      if (migration.version > highest) break
      const version = this.version(migration.version).stores(migration.stores)
      if (migration.upgrade) version.upgrade(migration.upgrade)
    }
  }
}
