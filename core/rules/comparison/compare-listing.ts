import type { Hub } from '../../model/hub'
import type { ListingSnapshot, SkillStoreSnapshot } from '../../model/listing-snapshot'
import type { Product } from '../../model/product'
import type { Skill } from '../../model/skill'
import type { Unit } from '../../model/unit'
import { checkDiscoveryManufacturer, checkDiscoveryModel } from './discovery-checks'
import type { CheckId, Finding } from './finding'
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

/**
 * What each check compared, as text that changes exactly when its inputs do: a reviewer's decision stands while
 * the basis (and the outcome) it was made on still hold, so a new capture or a changed record re-opens only the
 * checks it changes. The listing status is the snapshot itself: every capture is looked at again.
 */
function basesOf(input: ListingComparisonInput): Readonly<Record<CheckId, unknown>> {
  const { product, listing, unit } = input
  const discovery = unit?.discoveryCaptures?.at(-1)?.id ?? unit?.discovery?.pastedAt ?? null
  const images = (list: readonly HashedImage[]) => list.map((i) => [i.fileId, i.dHash, i.pHash])
  return {
    'listing-status': listing.id,
    brand: [listing.brand, product.brand],
    'model-number': [listing.modelNumber, product.modelNumber],
    'device-type': [listing.deviceType, product.deviceType],
    image: [images(input.listingImages), images(input.testedImages)],
    hub: [listing.hubAsin, listing.hubRequirement, product.connection, input.hub?.id ?? null, input.hub?.asins ?? []],
    bundle: [listing.bundleContents, product.variations],
    skill: [input.skill?.skillId ?? null, input.skillSnapshot?.id ?? null],
    'discovery-model': [unit?.id ?? null, discovery, product.modelNumber],
    'discovery-manufacturer': [unit?.id ?? null, discovery, product.brand],
    'retail-ids': [listing.retailIds, product.retailIds],
  }
}

/** Every check of SPEC §4 for one ASIN in one marketplace, in checkIds order, each with the basis it rests on. */
export function compareListing(input: ListingComparisonInput): Finding[] {
  const { product, listing, settings } = input
  const bases = basesOf(input)
  return [
    checkListingStatus(listing, input.now, settings),
    checkBrand(listing.brand, product.brand, settings),
    checkModelNumber(listing.modelNumber, product.modelNumber),
    checkDeviceType(listing.deviceType, product.deviceType, settings),
    checkImage(input.listingImages, input.testedImages, settings),
    checkHub(listing, product, input.hub),
    checkBundle(listing, product),
    checkSkill(product, input.skill, listing.marketplace, input.skillSnapshot, input.now, settings),
    checkDiscoveryModel(input.unit, product),
    checkDiscoveryManufacturer(input.unit, product, settings),
    checkRetailIds(listing, product),
  ].map((f) => ({ ...f, basis: JSON.stringify(bases[f.check]) }))
}
