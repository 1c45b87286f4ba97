import type { Table } from 'dexie'
import type { z } from 'zod'
import { entityLabel, type EntityRecords, type EntityRef, type ModelledKind } from '../../core/model/entity'
import { Hub } from '../../core/model/hub'
import { LabProfile } from '../../core/model/lab-profile'
import { ListingSnapshot, SkillStoreSnapshot } from '../../core/model/listing-snapshot'
import { Product } from '../../core/model/product'
import { Result } from '../../core/model/result'
import { ReviewDecision } from '../../core/model/review-decision'
import { Session } from '../../core/model/session'
import { Skill } from '../../core/model/skill'
import { PlanVersion } from '../../core/model/test-plan'
import { Unit } from '../../core/model/unit'
import type { LabDb } from './lab-db'

/** The LabDb property that holds a table. */
export type TableName = { [K in keyof LabDb]: LabDb[K] extends Table ? K : never }[keyof LabDb]

type Registration<K extends ModelledKind> = {
  /** Where records of this kind are stored. */
  readonly table: TableName
  /** What a record of this kind must pass before it is stored (the whole record, as the editors and imports see it). */
  readonly schema: z.ZodType<EntityRecords[K]>
  /** How a record is named in lists, drafts and the audit trail. */
  readonly label: (record: EntityRecords[K]) => string
  /** The records this one belongs to, so its audit entries show in their trails too. */
  readonly parents: (record: EntityRecords[K]) => readonly EntityRef[]
}

const none = (): readonly EntityRef[] => []

/**
 * Every kind of record the database keeps, in one place: its table, its schema,
 * its label and what it belongs to. The record repository, the audit trail and
 * drafts read this; backups and packets will too.
 */
export const registry: { readonly [K in ModelledKind]: Registration<K> } = {
  'lab-profile': { table: 'profile', schema: LabProfile, label: (r) => entityLabel('lab-profile', r), parents: none },
  product: { table: 'products', schema: Product, label: (r) => entityLabel('product', r), parents: none },
  hub: { table: 'hubs', schema: Hub, label: (r) => entityLabel('hub', r), parents: none },
  skill: { table: 'skills', schema: Skill, label: (r) => entityLabel('skill', r), parents: none },
  unit: {
    table: 'units',
    schema: Unit,
    label: (r) => entityLabel('unit', r),
    parents: (unit) => [{ kind: 'product', id: unit.productId }],
  },
  'plan-version': {
    table: 'planVersions',
    schema: PlanVersion,
    label: (r) => entityLabel('plan-version', r),
    parents: none,
  },
  session: {
    table: 'sessions',
    schema: Session,
    label: (r) => entityLabel('session', r),
    parents: (session) => [{ kind: 'product', id: session.productId }],
  },
  // A result's parents (its session and product) are named by the results repository, which knows the session.
  result: { table: 'results', schema: Result, label: (r) => entityLabel('result', r), parents: none },
  // A snapshot is of an ASIN, not of a product: the listings repository names the products that list it.
  'listing-snapshot': {
    table: 'listingSnapshots',
    schema: ListingSnapshot,
    label: (r) => entityLabel('listing-snapshot', r),
    parents: none,
  },
  'skill-snapshot': {
    table: 'skillSnapshots',
    schema: SkillStoreSnapshot,
    label: (r) => entityLabel('skill-snapshot', r),
    parents: none,
  },
  'review-decision': {
    table: 'reviewDecisions',
    schema: ReviewDecision,
    label: (r) => entityLabel('review-decision', r),
    parents: (decision) => [
      { kind: 'product', id: decision.productId },
      { kind: 'listing-snapshot', id: decision.snapshotId },
    ],
  },
}

/** The registration of a kind, for code that handles any kind. */
export const registrationOf = <K extends ModelledKind>(kind: K): Registration<K> => registry[kind]
