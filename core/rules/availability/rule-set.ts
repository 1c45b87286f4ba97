import type { Region } from '../../model/marketplace'

/**
 * Amazon's two ways of measuring availability (SPEC §2): the legacy one over every outage of the product whatever
 * its region, and the standard effective 2026-06-15 that measures each region against its own 99.93 % and allows at
 * most five developer-controllable outages across all regions together.
 */
export const ruleSetIds = ['legacy-global', 'per-region'] as const
export type RuleSetId = (typeof ruleSetIds)[number]

export const ruleSetLabels: Readonly<Record<RuleSetId, string>> = {
  'legacy-global': 'Legacy global rule set',
  'per-region': 'Per-region rule set (from 2026-06-15)',
}

/** The first instant measured by region: measurements before it follow the legacy rule set. */
export const perRegionFrom = Date.UTC(2026, 5, 15)

/** What one figure is measured over: one region, or every region together under the legacy rule set. */
export type Scope = Region | 'ALL'

/** The regions in a fixed order: the engine numbers them 0, 1, 2 in its typed arrays. */
export const regionOrder: readonly Region[] = ['NA', 'EU', 'FE']

/** The scopes a rule set measures, in the order figures are shown. */
export function scopesOf(ruleSet: RuleSetId): readonly Scope[] {
  return ruleSet === 'legacy-global' ? ['ALL'] : regionOrder
}

/** The rule set that measures the instant `at`. */
export const ruleSetAt = (at: number): RuleSetId => (at < perRegionFrom ? 'legacy-global' : 'per-region')

/** A stretch of a window measured under one rule set: [start, end). */
export type RuleSetPart = { readonly ruleSet: RuleSetId; readonly start: number; readonly end: number }

/**
 * The window [start, end) cut where the rule set changes: one part when it lies on one side of 2026-06-15, two
 * when it spans the date, each rule set applied to its own part only.
 */
export function ruleSetParts(start: number, end: number): readonly RuleSetPart[] {
  if (end <= perRegionFrom) return [{ ruleSet: 'legacy-global', start, end }]
  if (start >= perRegionFrom) return [{ ruleSet: 'per-region', start, end }]
  return [
    { ruleSet: 'legacy-global', start, end: perRegionFrom },
    { ruleSet: 'per-region', start: perRegionFrom, end },
  ]
}
