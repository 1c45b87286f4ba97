import type { Hub } from '../../model/hub'
import type { ListingSnapshot, SkillStoreSnapshot } from '../../model/listing-snapshot'
import type { Product } from '../../model/product'
import type { Skill } from '../../model/skill'
import type { Unit } from '../../model/unit'
import { checkDiscoveryManufacturer, checkDiscoveryModel } from './discovery-checks'
import { checkIds, type CheckId, type Finding } from './finding'
import { checkImage, type HashedImage } from './image-check'
import { checkBundle, checkHub, checkListingStatus, checkRetailIds, checkSkill } from './listing-checks'
import type { ComparisonSettings } from './settings'
import { checkBrand, checkDeviceType, checkModelNumber } from './text-checks'

/** Everything one ASIN × marketplace is compared on: the newest snapshots and what the lab tested. */
export type ListingComparisonInput = {
  readonly product: Product
  /** The newest snapshot of this ASIN in this marketplace. */
  readonly listing: ListingSnapshot
  readonly hub: Hub | undefined
  readonly skill: Skill | undefined
  /** The newest skill-store snapshot of the product's skill in this marketplace. */
  readonly skillSnapshot: SkillStoreSnapshot | undefined
  /** The unit whose discovery response counts (the newest tested unit of the product). */
  readonly unit: Unit | undefined
  readonly listingImages: readonly HashedImage[]
  /** The product's reference images and the unit's photos. */
  readonly testedImages: readonly HashedImage[]
  readonly now: Date
  readonly settings: ComparisonSettings
}

type Check = { readonly basis: string; readonly run: () => Finding }

// Parts of a basis joined by control characters no field holds, one per depth of nesting (so ['a', 'b'], ['c'] and
// ['a'], ['b', 'c'] differ): cheaper than JSON for the thousands of bases a readiness view makes.
const part = (value: unknown, depth: number): string =>
  Array.isArray(value)
    ? `[${value.map((each) => part(each, depth + 1)).join(String.fromCharCode(2 + depth))}]`
    : value === null || value === undefined
      ? '\u0001'
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value)
const basisOf = (...parts: readonly unknown[]): string => part(parts, 0)

/**
 * Each check with its basis: what it compared, as text that changes exactly when its inputs do. A reviewer's
 * decision stands while the basis (and the outcome) it was made on still hold, so a new capture or a changed
 * record re-opens only the checks it changes. The listing status rests on the snapshot itself: every capture is
 * looked at again.
 */
function checksOf(input: ListingComparisonInput): Readonly<Record<CheckId, Check>> {
  const { product, listing, unit, hub, skill, settings, now } = input
  const discovery = [
    unit?.id ?? null,
    unit?.serialNumber ?? null,
    unit?.discoveryCaptures?.at(-1)?.id ?? unit?.discovery?.pastedAt ?? null,
  ]
  const images = (list: readonly HashedImage[]) => list.map((i) => [i.fileId, i.dHash, i.pHash])
  return {
    'listing-status': { basis: basisOf(listing.id), run: () => checkListingStatus(listing, now, settings) },
    brand: {
      basis: basisOf(listing.brand, product.brand),
      run: () => checkBrand(listing.brand, product.brand, settings),
    },
    'model-number': {
      basis: basisOf(listing.modelNumber, product.modelNumber),
      run: () => checkModelNumber(listing.modelNumber, product.modelNumber),
    },
    'device-type': {
      basis: basisOf(listing.deviceType, product.deviceType),
      run: () => checkDeviceType(listing.deviceType, product.deviceType, settings),
    },
    image: {
      basis: basisOf(
        images(input.listingImages),
        images(input.testedImages),
        input.listingImages.map((i) => i.name),
        input.testedImages.map((i) => [i.source, i.name]),
      ),
      run: () => checkImage(input.listingImages, input.testedImages, settings),
    },
    hub: {
      basis: basisOf(
        listing.hubAsin,
        listing.hubRequirement,
        product.connection,
        hub ? [hub.id, hub.brand, hub.modelNumber, hub.asins] : null,
      ),
      run: () => checkHub(listing, product, hub),
    },
    bundle: {
      basis: basisOf(
        listing.bundleContents,
        product.variations,
        hub ? [hub.id, hub.brand, hub.name, hub.modelNumber] : null,
      ),
      run: () => checkBundle(listing, product, hub),
    },
    skill: {
      basis: basisOf(
        product.skillRecordId,
        skill ? [skill.skillId, skill.name] : null,
        listing.marketplace,
        input.skillSnapshot?.id ?? null,
      ),
      run: () => checkSkill(product, skill, listing.marketplace, input.skillSnapshot, now, settings),
    },
    'discovery-model': {
      basis: basisOf(...discovery, product.modelNumber),
      run: () => checkDiscoveryModel(unit, product),
    },
    'discovery-manufacturer': {
      basis: basisOf(...discovery, product.brand),
      run: () => checkDiscoveryManufacturer(unit, product, settings),
    },
    'retail-ids': { basis: basisOf(listing.retailIds, product.retailIds), run: () => checkRetailIds(listing, product) },
  }
}

/**
 * Findings already made in one comparison run, by check and basis: equal inputs give an equal finding, so the
 * 30 listings of one product compare its brand, model number and discovery response once (about a fifth faster
 * on the readiness benchmark). Only for one evaluation instant and one set of settings.
 */
export type FindingCache = Map<string, Finding>

/** Every check of SPEC §4 for one ASIN in one marketplace, in checkIds order, each with the basis it rests on. */
export function compareListing(input: ListingComparisonInput, cache?: FindingCache): Finding[] {
  const checks = checksOf(input)
  return checkIds.map((check) => {
    const { basis, run } = checks[check]
    const key = `${check}\u0000${basis}`
    const known = cache?.get(key)
    if (known) return known
    const made = { ...run(), basis }
    cache?.set(key, made)
    return made
  })
}
