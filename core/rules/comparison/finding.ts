/** The checks the listing comparison makes (SPEC §4), in the order a reviewer reads them. */
export const checkIds = [
  'listing-status',
  'brand',
  'model-number',
  'device-type',
  'image',
  'hub',
  'bundle',
  'skill',
  'discovery-model',
  'discovery-manufacturer',
  'retail-ids',
] as const
export type CheckId = (typeof checkIds)[number]

export const checkLabels: Readonly<Record<CheckId, string>> = {
  'listing-status': 'Listing status',
  brand: 'Brand',
  'model-number': 'Model number',
  'device-type': 'Device type',
  image: 'Product image',
  hub: 'Hub',
  bundle: 'Bundle',
  skill: 'Skill in the store',
  'discovery-model': 'Discovery model',
  'discovery-manufacturer': 'Discovery manufacturer',
  'retail-ids': 'Retail identifiers',
}

/** A check's automatic outcome: only a person turns "needs review" into accepted or rejected. */
export const outcomes = ['pass', 'needs-review', 'fail', 'not-applicable'] as const
export type Outcome = (typeof outcomes)[number]

/** One piece of what a finding rests on: what was compared with what, each named by where it came from. */
export type Evidence = { readonly label: string; readonly value: string }

/** One check's automatic finding, with the evidence it rests on and the reason in words. */
export type Finding = {
  readonly check: CheckId
  readonly outcome: Outcome
  readonly reason: string
  readonly evidence: readonly Evidence[]
  /** For text compared character by character: where the two differ. */
  readonly diff?: readonly DiffSegment[]
  /** A similarity figure where one decided (0 to 1, or a distance for images), for the reviewer to weigh. */
  readonly similarity?: number
  /** What the check compared, as text that changes when its inputs change (compareListing sets it). */
  readonly basis?: string
}

/** A run of characters: in both, only in the listing, or only in what the lab tested. */
export type DiffSegment = { readonly kind: 'same' | 'listing' | 'tested'; readonly text: string }

export const finding = (
  check: CheckId,
  outcome: Outcome,
  reason: string,
  evidence: readonly Evidence[],
  extra: Pick<Finding, 'diff' | 'similarity'> = {},
): Finding => ({ check, outcome, reason, evidence, ...extra })

/** Quoted for a reason: short, and a blank said as such. */
export const quoted = (text: string): string => {
  const trimmed = text.trim()
  if (trimmed === '') return '(blank)'
  return `“${trimmed.length > 80 ? `${trimmed.slice(0, 79)}…` : trimmed}”`
}
