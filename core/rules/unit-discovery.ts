import type { CapturedEndpoint, DiscoveryCapture } from '../model/discovery-capture'
import type { Unit, UnitDiscovery } from '../model/unit'
import { clip } from '../text/clip'
import { compareBrand, type BrandComparison } from './brand'
import type { DiscoveredEndpoint } from './discovery'
import { compareDiscoveryModel } from './model-number'

/**
 * The discovery a unit reports now, whichever way it was kept: the newest
 * capture, or (for a unit stored before captures were kept) the summary alone,
 * with no file, no hash and nobody named.
 */
export type LatestDiscovery =
  | { readonly kind: 'capture'; readonly capture: DiscoveryCapture }
  | { readonly kind: 'summary'; readonly summary: UnitDiscovery; readonly endpoints: readonly CapturedEndpoint[] }

/** The unit's captures, newest first (the later of two pasted in the same millisecond first). */
export function discoveryHistory(unit: Pick<Unit, 'discoveryCaptures'>): readonly DiscoveryCapture[] {
  return (unit.discoveryCaptures ?? [])
    .map((capture, index) => ({ capture, index }))
    .sort((a, b) => b.capture.pastedAt.localeCompare(a.capture.pastedAt) || b.index - a.index)
    .map(({ capture }) => capture)
}

/** What the unit reported in its newest discovery response; null when none was ever read. The input of the listing comparison. */
export function latestDiscovery(unit: Pick<Unit, 'discovery' | 'discoveryCaptures'>): LatestDiscovery | null {
  const newest = discoveryHistory(unit)[0]
  if (newest) return { kind: 'capture', capture: newest }
  if (!unit.discovery) return null
  // Earlier releases kept one manufacturer (either field) and the model; which field it came from is not known.
  const { manufacturer, model } = unit.discovery
  return {
    kind: 'summary',
    summary: unit.discovery,
    endpoints: [
      { endpointId: null, friendlyName: null, manufacturerName: null, manufacturer: manufacturer || null, model },
    ],
  }
}

/** The endpoints of the newest discovery, or none. */
export const latestEndpoints = (latest: LatestDiscovery | null): readonly CapturedEndpoint[] =>
  latest === null ? [] : latest.kind === 'capture' ? latest.capture.endpoints : latest.endpoints

// Alexa bounds these fields far below this; a longer one is kept cut, so one odd device cannot make the unit unsavable.
const fieldMax = 499
const kept = (text: string | null): string | null => (text === null ? null : clip(text, fieldMax))

/** The capture of one pasted response: its parsed endpoints, the stored file holding the JSON, and who pasted it when. */
export function discoveryCapture(
  endpoints: readonly DiscoveredEndpoint[],
  facts: Omit<DiscoveryCapture, 'endpoints'>,
): DiscoveryCapture {
  return {
    ...facts,
    endpoints: endpoints.map((e) => ({
      endpointId: kept(e.endpointId),
      friendlyName: kept(e.friendlyName),
      manufacturerName: kept(e.manufacturerName),
      manufacturer: kept(e.manufacturer),
      model: kept(e.model),
    })),
  }
}

/**
 * The unit with one more capture, the earlier ones untouched, and its
 * discovery summary taken from the new one (what earlier releases read).
 */
export function withDiscoveryCapture<U extends Pick<Unit, 'discovery' | 'discoveryCaptures'>>(
  unit: U,
  capture: DiscoveryCapture,
  summary: { readonly manufacturer: string; readonly model: string },
): U {
  return {
    ...unit,
    discoveryCaptures: [...(unit.discoveryCaptures ?? []), capture],
    discovery: {
      manufacturer: clip(summary.manufacturer, 199),
      model: clip(summary.model, 199),
      endpointCount: capture.endpoints.length,
      pastedAt: capture.pastedAt,
    },
  }
}

export type ModelComparison = ReturnType<typeof compareDiscoveryModel>

/** One endpoint against the product: both manufacturer fields with its brand, the model with its model number. */
export type EndpointFindings = {
  readonly manufacturerName: BrandComparison
  readonly manufacturer: BrandComparison
  readonly model: ModelComparison
}

export function endpointFindings(
  endpoint: CapturedEndpoint,
  product: { readonly brand: string; readonly modelNumber: string },
): EndpointFindings {
  return {
    manufacturerName: compareBrand(endpoint.manufacturerName, product.brand, 'manufacturerName'),
    manufacturer: compareBrand(endpoint.manufacturer, product.brand, 'additionalAttributes.manufacturer'),
    model: compareDiscoveryModel(endpoint.model ?? '', product.modelNumber),
  }
}
