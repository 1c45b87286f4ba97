import { normalizeBrand } from '../brand'
import { charDiff } from './char-diff'
import { finding, quoted, type Finding } from './finding'
import type { ComparisonSettings } from './settings'
import { jaroWinkler } from './similarity'

// Spaces, hyphens and the other dashes (‐ – — −), dots, slashes and underscores.
const separators = /[\s\p{Pd}\u2212._/]/gu

// SPEC §4's look-alikes, each to the digit a model number more likely means: a lower-case l first (as a capital it
// would be an L, no look-alike), then in capitals, so o, i, s, b and z count as O, I, S, B and Z do.
const lookAlikes: Readonly<Record<string, string>> = { O: '0', I: '1', S: '5', B: '8', Z: '2' }
const withoutLookAlikes = (model: string) =>
  [...model.replace(separators, '').replace(/l/g, '1').toUpperCase()].map((c) => lookAlikes[c] ?? c).join('')

/** Brand on the page against the product's brand: equal once normalized passes, close needs review, else fails. */
export function checkBrand(listingBrand: string, productBrand: string, settings: ComparisonSettings): Finding {
  const evidence = [
    { label: 'Listing brand', value: listingBrand },
    { label: 'Product brand', value: productBrand },
  ]
  if (listingBrand.trim() === '')
    return finding(
      'brand',
      'needs-review',
      'The snapshot shows no brand: capture it from the page, or decide.',
      evidence,
    )
  const a = normalizeBrand(listingBrand)
  const b = normalizeBrand(productBrand)
  if (a === b)
    return finding(
      'brand',
      'pass',
      listingBrand.trim() === productBrand.trim()
        ? `The listing’s brand ${quoted(listingBrand)} is the product’s.`
        : `The listing’s brand ${quoted(listingBrand)} is the product’s ${quoted(productBrand)} once case, spaces and ™ ® © are set aside.`,
      evidence,
    )
  const similarity = jaroWinkler(a, b)
  const diff = charDiff(listingBrand.trim(), productBrand.trim())
  if (similarity >= settings.brandReviewSimilarity)
    return finding(
      'brand',
      'needs-review',
      `The listing’s brand ${quoted(listingBrand)} is close to the product’s ${quoted(productBrand)} but not the same (similarity ${similarity.toFixed(2)}).`,
      evidence,
      { diff, similarity },
    )
  return finding(
    'brand',
    'fail',
    `The listing’s brand ${quoted(listingBrand)} is not the product’s ${quoted(productBrand)}.`,
    evidence,
    { diff, similarity },
  )
}

/**
 * Model number on the page against the one in the certification request: equal as typed passes; equal only
 * once spaces and punctuation are removed, only in capital letters, only once look-alikes (O/0, I/1/l,
 * S/5, B/8, Z/2) are taken as one, or only in plain rather than full-width characters needs review, with the
 * differing characters; anything else fails.
 */
export function checkModelNumber(listingModel: string, productModel: string): Finding {
  const listing = listingModel.trim()
  const tested = productModel.trim()
  const evidence = [
    { label: 'Listing model number', value: listingModel },
    { label: 'Model number certified', value: productModel },
  ]
  if (listing === '')
    return finding(
      'model-number',
      'needs-review',
      'The snapshot shows no model number: capture it from the page (often under Technical details), or decide.',
      evidence,
    )
  if (listing === tested)
    return finding(
      'model-number',
      'pass',
      `The listing’s model number ${quoted(listing)} is the one certified.`,
      evidence,
    )
  const diff = charDiff(listing, tested)
  const near = (how: string) =>
    finding(
      'model-number',
      'needs-review',
      `The listing’s model number ${quoted(listing)} equals the certified ${quoted(tested)} only ${how}.`,
      evidence,
      { diff },
    )
  if (listing.replace(separators, '') === tested.replace(separators, ''))
    return near('once spaces, hyphens, dots, slashes and underscores are removed')
  if (listing.replace(separators, '').toUpperCase() === tested.replace(separators, '').toUpperCase())
    return near('in other capital letters')
  if (withoutLookAlikes(listing) === withoutLookAlikes(tested))
    return near('when look-alike characters (O and 0, I, 1 and l, S and 5, B and 8, Z and 2) are taken as one')
  // Full-width and other compatibility forms (ＡＣ－１００, as some marketplaces' pages write it) read as their plain letters.
  const plain = (text: string) => withoutLookAlikes(text.normalize('NFKC'))
  if (plain(listing) === plain(tested)) return near('once written in plain letters and digits (Unicode width forms)')
  return finding(
    'model-number',
    'fail',
    `The listing’s model number ${quoted(listing)} is not the certified ${quoted(tested)}.`,
    evidence,
    { diff },
  )
}

/** Device type as the page words it against the product's: equal once normalized passes, related needs review. */
export function checkDeviceType(listingType: string, productType: string, settings: ComparisonSettings): Finding {
  const evidence = [
    { label: 'Listing device type', value: listingType },
    { label: 'Product device type', value: productType },
  ]
  const a = normalizeBrand(listingType)
  const b = normalizeBrand(productType)
  if (a === '' || b === '')
    return finding(
      'device-type',
      'needs-review',
      a === ''
        ? 'The snapshot shows no device type: capture it, or decide.'
        : 'The product has no device type to compare.',
      evidence,
    )
  if (a === b)
    return finding(
      'device-type',
      'pass',
      `The listing’s device type ${quoted(listingType)} is the product’s.`,
      evidence,
    )
  const words = (text: string) => new Set(text.split(' '))
  const shared = [...words(a)].filter((w) => words(b).has(w))
  const similarity = jaroWinkler(a, b)
  if (shared.length > 0 || similarity >= settings.deviceTypeReviewSimilarity)
    return finding(
      'device-type',
      'needs-review',
      `The listing’s device type ${quoted(listingType)} is related to the product’s ${quoted(productType)}, not the same: decide whether it is the same kind of device.`,
      evidence,
      { similarity },
    )
  return finding(
    'device-type',
    'fail',
    `The listing’s device type ${quoted(listingType)} is not the product’s ${quoted(productType)}.`,
    evidence,
    { similarity },
  )
}
