import { isArchived } from '../../model/archived'
import type { Hub } from '../../model/hub'
import type { ListingSnapshot, SkillStoreSnapshot } from '../../model/listing-snapshot'
import type { Product } from '../../model/product'
import type { ReviewDecision } from '../../model/review-decision'
import type { Skill } from '../../model/skill'
import type { Unit } from '../../model/unit'
import { compareListing, type FindingCache } from './compare-listing'
import type { Finding } from './finding'
import type { HashedImage } from './image-check'
import { readinessOf, standingDecision, type Readiness } from './readiness'
import type { CheckId } from './finding'
import type { ReviewVerdict } from '../../model/review-decision'
import type { ComparisonSettings } from './settings'

/** What the comparison reads of a session: which unit of which product was tested, and when. */
export type TestedSession = {
  readonly productId: string
  readonly unitId: string
  /** A draft session tested nothing yet: it does not decide which unit counts. */
  readonly state: string
  readonly startedAt: string | null
  readonly createdAt: string
}

/** A stored image as the comparison sees it: its name and perceptual hashes (null until hashed). */
export type ImageFacts = { readonly name: string; readonly dHash: string | null; readonly pHash: string | null }

/** The lab's records the readiness of every listing is worked out from. */
export type CatalogueForReview = {
  readonly products: readonly Product[]
  readonly hubs: readonly Hub[]
  readonly skills: readonly Skill[]
  readonly units: readonly Unit[]
  readonly sessions: readonly TestedSession[]
  /** The newest snapshot of each ASIN in each marketplace (older ones are history). */
  readonly listings: readonly ListingSnapshot[]
  readonly skillSnapshots: readonly SkillStoreSnapshot[]
  /** Oldest first: the latest decision on a snapshot counts. */
  readonly decisions: readonly ReviewDecision[]
  readonly images: ReadonlyMap<string, ImageFacts>
  readonly now: Date
  readonly settings: ComparisonSettings
}

/** One product's ASIN in one marketplace, with what the newest capture of it gives. */
export type ReadinessRow = {
  readonly product: Product
  /** '' for a marketplace the product is requested in with no ASIN recorded: nothing to review, and not ready. */
  readonly asin: string
  readonly marketplace: string
  readonly variation: string
  /** Undefined until the listing is captured: then nothing can be compared and it is not ready. */
  readonly snapshot: ListingSnapshot | undefined
  readonly findings: readonly Finding[]
  /** The reviewer's decision that stands on each check that has one. */
  readonly decided: Readonly<Partial<Record<CheckId, ReviewVerdict>>>
  readonly readiness: Readiness
}

const notCaptured: Readiness = {
  ready: false,
  blocking: [
    {
      check: 'listing-status',
      kind: 'not-captured',
      reason: 'No capture of the listing yet: capture what its page shows.',
    },
  ],
}

/**
 * The unit whose discovery response and photos count for a product: the unit of
 * its newest session that started (a draft tested nothing yet), or, before any,
 * the unit received last.
 */
export function testedUnitOf(
  productId: string,
  units: readonly Unit[],
  sessions: readonly TestedSession[],
): Unit | undefined {
  const own = units.filter((unit) => unit.productId === productId)
  const started = (s: TestedSession) => s.startedAt ?? s.createdAt
  const newest = sessions
    .filter((s) => s.productId === productId && s.state !== 'draft' && own.some((unit) => unit.id === s.unitId))
    .reduce<TestedSession | undefined>((a, b) => (a === undefined || started(b) > started(a) ? b : a), undefined)
  if (newest !== undefined) return own.find((unit) => unit.id === newest.unitId)
  return own.reduce<Unit | undefined>((a, b) => (a === undefined || b.receivedOn > a.receivedOn ? b : a), undefined)
}

const hashed = (images: ReadonlyMap<string, ImageFacts>, source: HashedImage['source']) => (fileId: string) => {
  const facts = images.get(fileId)
  return { fileId, source, name: facts?.name ?? 'Image', dHash: facts?.dHash ?? null, pHash: facts?.pHash ?? null }
}

/** The catalogue looked up by key, built once for many reviews: each review then costs the same however large the lab. */
type Lookup = {
  readonly unitOf: (productId: string) => Unit | undefined
  readonly hubs: ReadonlyMap<string, Hub>
  readonly skills: ReadonlyMap<string, Skill>
  /** By "skillId|marketplace". */
  readonly skillSnapshots: ReadonlyMap<string, SkillStoreSnapshot>
  /** By "productId|asin|marketplace", oldest first. */
  readonly decisions: ReadonlyMap<string, ReviewDecision[]>
  /** Findings made so far in this run, by check and basis. */
  readonly findings: FindingCache
}

const groupBy = <T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>()
  for (const row of rows) {
    const k = key(row)
    const group = groups.get(k)
    if (group) group.push(row)
    else groups.set(k, [row])
  }
  return groups
}

function lookupOf(catalogue: CatalogueForReview): Lookup {
  const units = groupBy(catalogue.units, (u) => u.productId)
  const sessions = groupBy(catalogue.sessions, (s) => s.productId)
  const tested = new Map<string, Unit | undefined>()
  return {
    unitOf(productId) {
      if (!tested.has(productId))
        tested.set(productId, testedUnitOf(productId, units.get(productId) ?? [], sessions.get(productId) ?? []))
      return tested.get(productId)
    },
    hubs: new Map(catalogue.hubs.map((hub) => [hub.id, hub])),
    skills: new Map(catalogue.skills.map((skill) => [skill.id, skill])),
    skillSnapshots: new Map(catalogue.skillSnapshots.map((s) => [`${s.skillId}|${s.marketplace}`, s])),
    decisions: groupBy(catalogue.decisions, (d) => `${d.productId}|${d.asin}|${d.marketplace}`),
    findings: new Map(),
  }
}

/** The images one review compares: the snapshot's, and the product's reference images with the tested unit's photos. */
export function imagesToCompare(
  catalogue: CatalogueForReview,
  product: Product,
  snapshot: ListingSnapshot,
  unit: Unit | undefined,
): { readonly listingImages: HashedImage[]; readonly testedImages: HashedImage[] } {
  return {
    listingImages: snapshot.imageIds.map(hashed(catalogue.images, 'listing')),
    testedImages: [
      ...product.referencePhotoIds.map(hashed(catalogue.images, 'reference')),
      ...(unit?.photos ?? []).map((photo) => hashed(catalogue.images, 'unit')(photo.fileId)),
    ],
  }
}

/** The comparison of one snapshot with what the lab tested of the product, and its readiness. */
export function reviewOf(
  catalogue: CatalogueForReview,
  product: Product,
  snapshot: ListingSnapshot,
  lookup: Lookup = lookupOf(catalogue),
): Pick<ReadinessRow, 'findings' | 'decided' | 'readiness'> {
  const unit = lookup.unitOf(product.id)
  const skill = product.skillRecordId === null ? undefined : lookup.skills.get(product.skillRecordId)
  const skillSnapshot = skill && lookup.skillSnapshots.get(`${skill.skillId}|${snapshot.marketplace}`)
  const findings = compareListing(
    {
      product,
      listing: snapshot,
      hub: product.hubId === null ? undefined : lookup.hubs.get(product.hubId),
      skill,
      skillSnapshot,
      unit,
      ...imagesToCompare(catalogue, product, snapshot, unit),
      now: catalogue.now,
      settings: catalogue.settings,
    },
    lookup.findings,
  )
  const decisions = lookup.decisions.get(`${product.id}|${snapshot.asin}|${snapshot.marketplace}`) ?? []
  const decided: Partial<Record<CheckId, ReviewVerdict>> = {}
  for (const f of findings) {
    const standing = standingDecision(decisions, f, snapshot.id)
    if (standing) decided[f.check] = standing.decision
  }
  return { findings, decided, readiness: readinessOf(findings, decisions, snapshot.id) }
}

const noAsin = (marketplace: string): Readiness => ({
  ready: false,
  blocking: [
    {
      check: 'listing-status',
      kind: 'no-asin',
      reason: `No ASIN is recorded for ${marketplace}, where certification is requested: add it on the product's page.`,
    },
  ],
})

/**
 * SPEC §4's readiness view: every ASIN of every current product (an archived one seeks no badge) in every
 * marketplace it is listed in, in the products' order, and a row for each requested marketplace with no ASIN
 * (R1: a badge needs one there).
 */
export function readinessRows(catalogue: CatalogueForReview): ReadinessRow[] {
  const newest = new Map(catalogue.listings.map((s) => [`${s.asin}|${s.marketplace}`, s]))
  const lookup = lookupOf(catalogue)
  return catalogue.products
    .filter((product) => !isArchived(product))
    .flatMap((product) => {
      const listed = product.asins.map(({ asin, marketplace, variation }): ReadinessRow => {
        const snapshot = newest.get(`${asin}|${marketplace}`)
        const base = { product, asin, marketplace, variation, snapshot }
        return snapshot === undefined
          ? { ...base, findings: [], decided: {}, readiness: notCaptured }
          : { ...base, ...reviewOf(catalogue, product, snapshot, lookup) }
      })
      const missing = product.marketplaces
        .filter((marketplace) => !product.asins.some((a) => a.marketplace === marketplace))
        .map((marketplace): ReadinessRow => ({
          product,
          asin: '',
          marketplace,
          variation: '',
          snapshot: undefined,
          findings: [],
          decided: {},
          readiness: noAsin(marketplace),
        }))
      return [...listed, ...missing]
    })
}
