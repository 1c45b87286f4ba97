import { normalizeBrand } from '../brand'
import type { Hub } from '../../model/hub'
import { listingStatusLabels, type ListingSnapshot, type SkillStoreSnapshot } from '../../model/listing-snapshot'
import type { Product } from '../../model/product'
import type { Skill } from '../../model/skill'
import { checkRetailId } from '../retail-id'
import { finding, quoted, type Finding } from './finding'
import type { ComparisonSettings } from './settings'

const dayMs = 86_400_000

/** Whole days from a capture to the evaluation instant (never negative: a clock set back counts as fresh). */
export const ageInDays = (capturedAt: string, now: Date): number =>
  Math.max(0, Math.floor((now.getTime() - Date.parse(capturedAt)) / dayMs))

const day = (instant: string) => instant.slice(0, 10)

/** Older than the stale age, to the millisecond: 30 days and an hour is stale at a 30-day setting. */
const isStale = (capturedAt: string, now: Date, settings: ComparisonSettings) =>
  now.getTime() - Date.parse(capturedAt) > settings.staleAfterDays * dayMs

/** R2: the page showed the listing available, in a snapshot no older than the stale age; unavailable, not valid or suppressed fails. */
export function checkListingStatus(listing: ListingSnapshot, now: Date, settings: ComparisonSettings): Finding {
  const age = ageInDays(listing.capturedAt, now)
  const evidence = [
    { label: 'Status on the page', value: listingStatusLabels[listing.status] },
    { label: 'Captured', value: `${listing.capturedAt} by ${listing.capturedBy.name} (${age} days ago)` },
  ]
  const stale = isStale(listing.capturedAt, now, settings)
  if (listing.status !== 'available')
    return finding(
      'listing-status',
      'fail',
      `The page showed the listing ${listingStatusLabels[listing.status].toLowerCase()} on ${day(listing.capturedAt)}: a badge needs it available.`,
      evidence,
    )
  if (stale)
    return finding(
      'listing-status',
      'needs-review',
      `The page showed the listing available, but on ${day(listing.capturedAt)}, ${age} days ago (older than ${settings.staleAfterDays}): capture it again.`,
      evidence,
    )
  return finding(
    'listing-status',
    'pass',
    `The page showed the listing available on ${day(listing.capturedAt)}.`,
    evidence,
  )
}

/** R4: a product reached through a hub must name, on its page, the hub ASIN of the hub that was tested. */
export function checkHub(listing: ListingSnapshot, product: Product, hub: Hub | undefined): Finding {
  const named = listing.hubAsin.trim()
  const evidence = [
    { label: 'Hub ASIN on the page', value: named },
    { label: 'Hub requirement on the page', value: listing.hubRequirement },
    {
      label: 'Hub tested',
      value: hub ? `${hub.brand} ${hub.modelNumber} (${hub.asins.join(', ') || 'no ASIN recorded'})` : '',
    },
  ]
  if (product.connection !== 'hub') {
    if (named === '' && listing.hubRequirement.trim() === '')
      return finding(
        'hub',
        'not-applicable',
        'The product reaches Alexa without a hub, and the page names none.',
        evidence,
      )
    return finding(
      'hub',
      'needs-review',
      `The product was certified without a hub, but the page names ${named === '' ? quoted(listing.hubRequirement) : `hub ${named}`}.`,
      evidence,
    )
  }
  if (!hub)
    return finding(
      'hub',
      'needs-review',
      'The product reaches Alexa through a hub, but no tested hub is recorded.',
      evidence,
    )
  if (named === '')
    return finding(
      'hub',
      'fail',
      `The page names no hub ASIN; the hub tested is ${hub.brand} ${hub.modelNumber}${hub.asins.length > 0 ? ` (${hub.asins.join(', ')})` : ''}.`,
      evidence,
    )
  if (hub.asins.includes(named))
    return finding(
      'hub',
      'pass',
      `The page names hub ${named}, the ${hub.brand} ${hub.modelNumber} that was tested.`,
      evidence,
    )
  return finding(
    'hub',
    'fail',
    hub.asins.length === 0
      ? `The page names hub ${named}, but the tested hub ${hub.brand} ${hub.modelNumber} has no ASIN recorded to compare.`
      : `The page names hub ${named}, not the tested ${hub.brand} ${hub.modelNumber} (${hub.asins.join(', ')}).`,
    evidence,
  )
}

/**
 * Bundle configuration: the lab records no bundle of its own to compare, so a page that lists what is in the box
 * is put in front of a person with the product's variations; a page that lists nothing has nothing to compare.
 */
// Words that make a box item a hub: "Acme Hub Pro", "Zigbee bridge", "Gateway G2", "Basisstation".
// A compound (SmartHub) or a plural (2 Hubs) counts; a longer word (Hubcap) does not.
const hubWords = /(hub|bridge|gateway|base station|basisstation|zentrale)s?\b/i

/** Whether a box item names the tested hub: its model number, its name (of two words or more), or brand and name. */
const namesHub = (item: string, hub: Hub): boolean => {
  const text = normalizeBrand(item)
  const name = normalizeBrand(hub.name)
  const names = [
    normalizeBrand(hub.modelNumber),
    name.includes(' ') ? name : '',
    name === '' ? '' : normalizeBrand(`${hub.brand} ${hub.name}`),
  ]
  // Whole words, so model H1 is not named by “H10”. A longer name (“Acme Hub Pro” for a hub named “Acme Hub”)
  // still reads as naming it: the check needs review either way, only this warning is not given.
  const words = ` ${text.replace(/[^\p{L}\p{N}]+/gu, ' ')} `
  return names.some((each) => each !== '' && words.includes(` ${each.replace(/[^\p{L}\p{N}]+/gu, ' ')} `))
}

/**
 * What the page says is in the box: nothing to say of an empty box; otherwise a person decides whether it is the
 * configuration tested, told first of any hub in the box that is not the hub tested (or that the product was tested
 * without one).
 */
export function checkBundle(listing: ListingSnapshot, product: Product, hub: Hub | undefined): Finding {
  const items = listing.bundleContents.map((i) => i.trim()).filter((i) => i !== '')
  const evidence = [
    { label: 'In the box, on the page', value: items.join('; ') },
    { label: 'Variations of the product', value: product.variations.join('; ') },
    { label: 'Hub tested', value: hub ? `${hub.brand} ${hub.modelNumber}` : '' },
  ]
  if (items.length === 0) return finding('bundle', 'not-applicable', 'The page lists no bundle contents.', evidence)
  const listed = `${items.length === 1 ? 'one item' : `${items.length} items`} in the box (${items.map(quoted).join(', ')})`
  const untested = items.filter((item) => hubWords.test(item) && !(hub && namesHub(item, hub)))
  if (untested.length > 0)
    return finding(
      'bundle',
      'needs-review',
      `The page lists ${listed}, with ${untested.map(quoted).join(' and ')}: ${hub ? `not the hub tested, ${hub.brand} ${hub.modelNumber}` : 'the product was tested without a hub'}. Decide whether that is the configuration tested.`,
      evidence,
    )
  return finding(
    'bundle',
    'needs-review',
    `The page lists ${listed}: decide whether that is the configuration tested.`,
    evidence,
  )
}

/** R5: a product with a skill needs the skill available in the store of the marketplace, as the newest skill-store snapshot shows. */
export function checkSkill(
  product: Product,
  skill: Skill | undefined,
  marketplace: string,
  snapshot: SkillStoreSnapshot | undefined,
  now: Date,
  settings: ComparisonSettings,
): Finding {
  if (product.skillRecordId === null) return finding('skill', 'not-applicable', 'The product has no Alexa skill.', [])
  const evidence = [
    { label: 'Skill', value: skill ? `${skill.name} (${skill.skillId})` : '' },
    {
      label: `Skill store, ${marketplace}`,
      value: snapshot
        ? `${listingStatusLabels[snapshot.status]}, captured ${snapshot.capturedAt} by ${snapshot.capturedBy.name}`
        : '',
    },
  ]
  if (!skill) return finding('skill', 'needs-review', 'The product names a skill that is not recorded.', evidence)
  if (!snapshot)
    return finding(
      'skill',
      'needs-review',
      `No skill-store snapshot of ${skill.name} in ${marketplace}: capture one.`,
      evidence,
    )
  if (snapshot.status !== 'available')
    return finding(
      'skill',
      'fail',
      `The skill store showed ${skill.name} ${listingStatusLabels[snapshot.status].toLowerCase()} in ${marketplace} on ${day(snapshot.capturedAt)}.`,
      evidence,
    )
  const age = ageInDays(snapshot.capturedAt, now)
  if (isStale(snapshot.capturedAt, now, settings))
    return finding(
      'skill',
      'needs-review',
      `The skill store showed ${skill.name} available in ${marketplace}, but ${age} days ago: capture it again.`,
      evidence,
    )
  return finding(
    'skill',
    'pass',
    `The skill store showed ${skill.name} available in ${marketplace} on ${day(snapshot.capturedAt)}.`,
    evidence,
  )
}

/** The digits of an identifier as a GTIN-14, so a UPC-A and the EAN-13 with its leading 0 are one. */
const asGtin14 = (digits: string) => digits.padStart(14, '0')

/** Identifiers the page shows: each must be valid (check digit) and one of the product's. */
export function checkRetailIds(listing: ListingSnapshot, product: Product): Finding {
  const ours = new Set(product.retailIds.map((id) => asGtin14(id.value)))
  const evidence = [
    { label: 'On the page', value: listing.retailIds.map((id) => `${id.kind} ${id.value}`).join(', ') },
    { label: 'The product’s', value: product.retailIds.map((id) => `${id.kind} ${id.value}`).join(', ') },
  ]
  if (listing.retailIds.length === 0)
    return finding('retail-ids', 'not-applicable', 'The page shows no retail identifier.', evidence)
  const invalid: string[] = []
  const foreign: string[] = []
  for (const id of listing.retailIds) {
    const checked = checkRetailId(id.kind, id.value)
    if (!checked.ok) invalid.push(`${id.kind} ${id.value} (${checked.message})`)
    else if (!ours.has(asGtin14(checked.value))) foreign.push(`${id.kind} ${checked.value}`)
  }
  if (invalid.length > 0)
    return finding('retail-ids', 'fail', `The page shows an invalid identifier: ${invalid.join('; ')}`, evidence)
  if (ours.size === 0)
    return finding(
      'retail-ids',
      'needs-review',
      'The page shows identifiers, but the product records none to compare.',
      evidence,
    )
  if (foreign.length > 0)
    return finding(
      'retail-ids',
      'fail',
      `The page shows identifiers that are not the product’s: ${foreign.join(', ')}.`,
      evidence,
    )
  return finding('retail-ids', 'pass', 'Every identifier the page shows is valid and one of the product’s.', evidence)
}
