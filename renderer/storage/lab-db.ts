import Dexie, { type EntityTable, type Table } from 'dexie'
import type { AuditEntry } from '../../core/audit/audit-entry'
import type { Hub } from '../../core/model/hub'
import type { LabProfile } from '../../core/model/lab-profile'
import type { Product } from '../../core/model/product'
import type { Result } from '../../core/model/result'
import type { Session } from '../../core/model/session'
import type { Skill } from '../../core/model/skill'
import type { StoredFileMeta } from '../../core/model/stored-file'
import type { PlanVersion } from '../../core/model/test-plan'
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
export type DraftKind = 'lab' | 'products' | 'hubs' | 'skills' | 'units' | 'plans'

/** A small per-workstation setting, e.g. who is working at this bench. */
export type SettingRow = { readonly key: string; readonly value: unknown }

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
  declare planVersions: EntityTable<PlanVersion, 'id'>
  declare sessions: EntityTable<Session, 'id'>
  declare results: Table<Result, [string, string]>
  declare audit: EntityTable<AuditEntry, 'seq'>
  declare settings: EntityTable<SettingRow, 'key'>

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
