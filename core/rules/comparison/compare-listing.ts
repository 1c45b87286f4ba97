import type { Hub } from '../../model/hub'
import type { ListingSnapshot, SkillStoreSnapshot } from '../../model/listing-snapshot'
import type { Product } from '../../model/product'
import type { Skill } from '../../model/skill'
import type { Unit } from '../../model/unit'
import { checkDiscoveryManufacturer, checkDiscoveryModel } from './discovery-checks'
import type { Finding } from './finding'
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

/** Every check of SPEC §4 for one ASIN in one marketplace, in checkIds order. */
export function compareListing(input: ListingComparisonInput): Finding[] {
  const { product, listing, settings } = input
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
  ]
}
