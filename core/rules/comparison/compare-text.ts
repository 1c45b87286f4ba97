import { z } from 'zod'
import { checkedText } from '../../model/fields'
import { listingStatusLabels, ListingStatus } from '../../model/listing-snapshot'
import { checkAsin } from '../asin'
import { finding, type Finding, type Outcome } from './finding'
import type { ComparisonSettings } from './settings'
import { checkBrand, checkDeviceType, checkModelNumber } from './text-checks'

// The shapes of `wwa-lab compare-listing` (docs/listing-comparison.md): what a script knows of a product and of
// one listing page, without the lab's database. Strict, so a misspelt key is named instead of silently ignored.
const text = z.string().max(1_000)
// Checked as the app checks an ASIN (ten characters, capitals), or blank for none.
const hubAsin = checkedText((input) => (input.trim() === '' ? { ok: true, value: '' } : checkAsin(input)))
export const TextProduct = z.strictObject({
  brand: text,
  modelNumber: text,
  deviceType: text.optional(),
  /** The ASIN of the hub the product was certified with, where it needs one. */
  hubAsin: hubAsin.optional(),
})
export type TextProduct = z.infer<typeof TextProduct>

export const TextListing = z.strictObject({
  brand: text,
  modelNumber: text,
  deviceType: text.optional(),
  status: ListingStatus,
  hubAsin: hubAsin.optional(),
})
export type TextListing = z.infer<typeof TextListing>

export type TextComparison = { readonly verdict: Exclude<Outcome, 'not-applicable'>; readonly findings: Finding[] }

const severity: Readonly<Record<Outcome, number>> = { 'not-applicable': 0, pass: 0, 'needs-review': 1, fail: 2 }

/** The worst of the findings; not-applicable ones count as passing. */
const worstOutcome = (findings: readonly Finding[]): TextComparison['verdict'] => {
  const worst = Math.max(0, ...findings.map((f) => severity[f.outcome]))
  return worst === 2 ? 'fail' : worst === 1 ? 'needs-review' : 'pass'
}

const asin = (value: string | undefined) => (value ?? '').trim().toUpperCase()

/** The page's hub ASIN against the one the product was certified with: SPEC §4 "Hub ASIN". */
export function checkHubAsin(listingHubAsin: string | undefined, testedHubAsin: string | undefined): Finding {
  const named = asin(listingHubAsin)
  const tested = asin(testedHubAsin)
  const evidence = [
    { label: 'Hub ASIN on the page', value: named },
    { label: 'Hub ASIN tested', value: tested },
  ]
  if (tested === '')
    return named === ''
      ? finding('hub', 'not-applicable', 'The product was certified without a hub, and the page names none.', evidence)
      : finding(
          'hub',
          'needs-review',
          `The product was certified without a hub, but the page names hub ${named}.`,
          evidence,
        )
  if (named === '') return finding('hub', 'fail', `The page names no hub; the hub tested is ${tested}.`, evidence)
  if (named === tested) return finding('hub', 'pass', `The page names hub ${named}, the hub that was tested.`, evidence)
  return finding('hub', 'fail', `The page names hub ${named}, not the tested hub ${tested}.`, evidence)
}

function checkStatus(status: ListingStatus): Finding {
  const evidence = [{ label: 'Status on the page', value: listingStatusLabels[status] }]
  return status === 'available'
    ? finding('listing-status', 'pass', 'The page shows the listing available.', evidence)
    : finding(
        'listing-status',
        'fail',
        `The page shows the listing ${listingStatusLabels[status].toLowerCase()}: a badge needs it available.`,
        evidence,
      )
}

/**
 * The text checks of SPEC §4 on a product and a listing given as plain values, with the app's own check functions
 * and thresholds: brand, model number, device type (not applicable when neither names one), hub and status.
 * Staleness needs a capture time and images need hashes, so neither is judged here.
 */
export function compareText(product: TextProduct, listing: TextListing, settings: ComparisonSettings): TextComparison {
  const noDeviceType = (listing.deviceType ?? '').trim() === '' && (product.deviceType ?? '').trim() === ''
  const findings = [
    checkBrand(listing.brand, product.brand, settings),
    checkModelNumber(listing.modelNumber, product.modelNumber),
    noDeviceType
      ? finding('device-type', 'not-applicable', 'Neither the product nor the listing names a device type.', [])
      : checkDeviceType(listing.deviceType ?? '', product.deviceType ?? '', settings),
    checkHubAsin(listing.hubAsin, product.hubAsin),
    checkStatus(listing.status),
  ]
  return { verdict: worstOutcome(findings), findings }
}
