import Dexie, { type EntityTable, type Table } from 'dexie'
import type { AuditEntry } from '../../core/audit/audit-entry'
import type { EntityKind } from '../../core/model/entity'
import type { Archived } from '../../core/model/fields'
import type { Hub } from '../../core/model/hub'
import type { LabProfile } from '../../core/model/lab-profile'
import type { ListingSnapshot, SkillStoreSnapshot } from '../../core/model/listing-snapshot'
import type { Product } from '../../core/model/product'
import type { Result } from '../../core/model/result'
import type { ReviewDecision } from '../../core/model/review-decision'
import type { FrozenPlan, SessionSummary } from '../../core/model/session'
import type { Skill } from '../../core/model/skill'
import type { StoredFileMeta } from '../../core/model/stored-file'
import type { PlanVersion, PlanVersionHeader } from '../../core/model/test-plan'
import type { Unit } from '../../core/model/unit'
import { createChangeWatch, type ChangeWatch } from './change-watch'
import { migrations } from './migrations'

export type StoredFileRow = StoredFileMeta & { readonly blob: Blob }

/** An editor's text that does not pass its checks yet, kept so nothing typed is lost. */
export type DraftRow = {
  readonly key: string
  readonly kind: EntityKind
  readonly recordId: string
  readonly title: string
  readonly value: unknown
  readonly savedAt: string
}

/** A small per-workstation setting, e.g. who is working at this bench. */
export type SettingRow = { readonly key: string; readonly value: unknown }

export type ThumbnailRow = {
  readonly fileId: string
  readonly blob: Blob
  readonly width: number
  readonly height: number
}

/** An image's perceptual hashes, computed once when it is stored so that comparing never decodes it again. */
export type ImageHashRow = {
  readonly fileId: string
  /**
   * The stored file's name (since version 6), so what a comparison shows of an image is read from this small store
   * alone, never from the files store with its Blobs. A copy that cannot drift: a file is stored once by its content
   * and never renamed.
   */
  readonly name: string
  /** 16 hex digits each (core/rules/image-hash.ts). */
  readonly dHash: string
  readonly pHash: string
  /** The pixel size the hashes were computed from, after EXIF orientation. */
  readonly width: number
  readonly height: number
}

/**
 * An audit entry as stored: the sealed entry, plus the records it concerns
 * ("product:<id>", "session:<id>", …) so a record's trail is one index read.
 * `subjects` is outside the hash: it says where to find an entry, not what it says.
 */
export type AuditRow = AuditEntry & { readonly subjects: readonly string[] }

/** A result as stored: with its session's plan, so a case's history across sessions of the plan is one index read. */
export type ResultRow = Result & { readonly planId: string }

/** A plan as the list shows it, kept beside its versions in the same transactions. */
export type PlanSummaryRow = {
  readonly planId: string
  readonly latest: PlanVersionHeader
  readonly versionCount: number
  /** Set while the plan (every version of it) is archived: out of lists and pickers, its versions kept. */
  readonly archived?: Archived
}

/** The cases a session ran, stored once per distinct copy and named by its SHA-256: sessions refer to it. */
export type FrozenPlanRow = FrozenPlan & { readonly id: string }

export type LabDbOptions = {
  /** Open the database as the release with this version wrote it (for migration tests). */
  readonly maxVersion?: number
  /** An IndexedDB implementation other than the page's (fake-indexeddb in tests). */
  readonly indexedDB?: IDBFactory
  readonly IDBKeyRange?: typeof IDBKeyRange
}

export const defaultDbName = 'wwa-lab'

/** The highest schema version this build knows. */
export const knownVersion = migrations.at(-1)?.version ?? 0

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
  declare planSummaries: EntityTable<PlanSummaryRow, 'planId'>
  declare sessions: EntityTable<SessionSummary, 'id'>
  declare frozenPlans: EntityTable<FrozenPlanRow, 'id'>
  declare results: Table<ResultRow, [string, string]>
  declare audit: EntityTable<AuditRow, 'seq'>
  declare settings: EntityTable<SettingRow, 'key'>
  declare listingSnapshots: EntityTable<ListingSnapshot, 'id'>
  declare skillSnapshots: EntityTable<SkillStoreSnapshot, 'id'>
  declare reviewDecisions: EntityTable<ReviewDecision, 'id'>
  declare imageHashes: EntityTable<ImageHashRow, 'fileId'>

  /** Every write while a recording runs (a backup made while the lab works records them, and so never blocks an edit). */
  readonly changes: ChangeWatch = createChangeWatch()

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
    this.use(this.changes.middleware)
  }
}
