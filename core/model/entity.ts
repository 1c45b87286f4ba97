import { checkLabels } from '../rules/comparison/finding'
import type { Hub } from './hub'
import type { LabProfile } from './lab-profile'
import type { ListingSnapshot, SkillStoreSnapshot } from './listing-snapshot'
import type { Product } from './product'
import type { Result } from './result'
import type { ReviewDecision } from './review-decision'
import type { Session } from './session'
import type { Skill } from './skill'
import type { PlanVersion } from './test-plan'
import type { Unit } from './unit'

/**
 * Every kind of thing the lab keeps, as the audit trail, drafts, backups and
 * packets name it. The last two are kept for the releases that model them
 * (outages, packets); naming them here means their audit entries and
 * references need no new vocabulary.
 */
export const entityKinds = [
  'lab-profile',
  'product',
  'hub',
  'skill',
  'unit',
  'plan-version',
  'session',
  'result',
  'listing-snapshot',
  'skill-snapshot',
  'review-decision',
  'outage',
  'packet',
] as const
export type EntityKind = (typeof entityKinds)[number]

/** Which record: its kind and id. */
export type EntityRef = { readonly kind: EntityKind; readonly id: string }

/** A reference with the words a person reads it by, as an audit entry keeps it. */
export type NamedRef = EntityRef & { readonly label: string }

/** The record type of each kind that has a model so far. */
export type EntityRecords = {
  readonly 'lab-profile': LabProfile
  readonly product: Product
  readonly hub: Hub
  readonly skill: Skill
  readonly unit: Unit
  readonly 'plan-version': PlanVersion
  /** A whole session or its stored summary: both name their product and plan. */
  readonly session: Pick<Session, 'productId'> & { readonly plan: Pick<Session['plan'], 'name' | 'version'> }
  readonly result: Pick<Result, 'caseId'>
  readonly 'listing-snapshot': ListingSnapshot
  readonly 'skill-snapshot': SkillStoreSnapshot
  readonly 'review-decision': ReviewDecision
}
export type ModelledKind = keyof EntityRecords

const isModelled = (kind: EntityKind): kind is ModelledKind => kind in labels

const labels: { readonly [K in ModelledKind]: (record: EntityRecords[K]) => string } = {
  'lab-profile': (profile) => profile.name,
  product: (product) => `${product.brand} ${product.modelNumber}`,
  hub: (hub) => `${hub.brand} ${hub.modelNumber}`,
  skill: (skill) => skill.name,
  unit: (unit) => `Unit ${unit.serialNumber}`,
  'plan-version': (version) => `${version.name} v${version.version}`,
  session: (session) => `Session ${session.plan.name} v${session.plan.version}`,
  result: (result) => `Case ${result.caseId}`,
  'listing-snapshot': (snapshot) => `Listing ${snapshot.asin} (${snapshot.marketplace})`,
  'skill-snapshot': (snapshot) => `Skill store ${snapshot.skillId} (${snapshot.marketplace})`,
  'review-decision': (decision) =>
    `Review of ${checkLabels[decision.check]}, ${decision.asin} (${decision.marketplace})`,
}

const untitled: { readonly [K in EntityKind]: string } = {
  'lab-profile': 'Lab profile',
  product: 'Untitled product',
  hub: 'Untitled hub',
  skill: 'Untitled skill',
  unit: 'Untitled unit',
  'plan-version': 'Untitled test plan',
  session: 'Session',
  result: 'Result',
  'listing-snapshot': 'Listing snapshot',
  'skill-snapshot': 'Skill-store snapshot',
  'review-decision': 'Review decision',
  outage: 'Outage',
  packet: 'Packet',
}

/** How a person reads one record, the same on every screen and in the audit trail: "Acme AC-100", "Unit SN-0001". */
export function entityLabel<K extends ModelledKind>(kind: K, record: EntityRecords[K]): string {
  const label = isModelled(kind) ? labels[kind](record).replace(/\s+/g, ' ').trim() : ''
  return label === '' ? untitled[kind] : label
}

// A result is the one kind without an id of its own: it is one case of one session.
// Session ids are UUIDs (no "/"), case IDs may contain anything, so the first "/" divides them.

/** The id the audit trail and references give one case's result in one session. */
export const resultId = (sessionId: string, caseId: string): string => `${sessionId}/${caseId}`

/** The session and case of a result id, or undefined for text that is not one. */
export function parseResultId(id: string): { readonly sessionId: string; readonly caseId: string } | undefined {
  const slash = id.indexOf('/')
  if (slash <= 0 || slash === id.length - 1) return undefined
  return { sessionId: id.slice(0, slash), caseId: id.slice(slash + 1) }
}
