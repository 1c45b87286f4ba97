import { allowedDowntimeMs, availabilityPercent } from './budget'
import { burnRateAlerts, type BurnAlert } from './burn-rate'
import { allRegions, downtimeWithin, instantBudgetSpent, mergeDowntime, type ScopeDowntime } from './merge'
import { monthlyAvailability, type MonthFigure } from './monthly'
import type { OutageSpans } from './outage-spans'
import type { AvailabilityPolicy } from './policy'
import { projectedBreachAt } from './projection'
import { reinstatementProgress, type Reinstatement } from './reinstatement'
import {
  regionOrder,
  ruleSetLabels,
  ruleSetParts,
  scopesOf,
  type RuleSetId,
  type RuleSetPart,
  type Scope,
} from './rule-set'
import { judgeDowntime, judgeOutageCount, worstStatus, type AvailabilityStatus, type StatusReason } from './status'
import { measurementWindow, type MeasurementWindow } from './window'

/** Downtime against the budget over one stretch: the window so far, or the whole window. */
export type StretchFigures = {
  readonly lengthMs: number
  readonly downtimeMs: number
  /** In percent, over lengthMs. */
  readonly availability: number
  /** What the target allows over lengthMs (allowedDowntimeMs). */
  readonly budgetMs: number
  /** downtimeMs ÷ budgetMs; above 1 when over (0 for an empty budget with no downtime). */
  readonly budgetUsedShare: number
  /** What is left of the budget, 0 once it is spent. */
  readonly budgetLeftMs: number
}

/** One scope (a region, or ALL) measured over its rule set's part of the window. */
export type ScopeEvaluation = {
  readonly scope: Scope
  readonly ruleSet: RuleSetId
  /** The part of the window this rule set measures: [start, end). */
  readonly start: number
  readonly end: number
  /** The part up to the instant evaluated. */
  readonly soFar: StretchFigures
  /** The whole part with the downtime so far: what is judged, since the budget is the part's. */
  readonly whole: StretchFigures
  /** Incidents counted in this part (an incident carried over from the part before counts there, not here). */
  readonly countedOutages: number
  /** The scope's incidents within the part, as flat [start, end, …] pairs, for timelines. */
  readonly incidents: Float64Array
  readonly status: AvailabilityStatus
  /**
   * The downtime finding, then the outage-count finding (the count is shared by the whole window), then each
   * burn-rate alert that fires.
   */
  readonly reasons: readonly StatusReason[]
  /** Each burn-rate rule read at the instant evaluated (none for a part already over): a warning before the threshold's. */
  readonly burnRates: readonly BurnAlert[]
  /** The first instant of the breach, by downtime or by count; null while not breached. */
  readonly breachedAt: number | null
  readonly projectedBreachAt: number | null
  readonly months: readonly MonthFigure[]
  /** Progress back after a breach; null for a scope never breached in the window. */
  readonly reinstatement: Reinstatement | null
}

export type PartEvaluation = RuleSetPart & { readonly scopes: readonly ScopeEvaluation[] }

/** Everything the engine says of one product at one instant (SPEC §5), for screens, exports and the CLI alike. */
export type AvailabilityEvaluation = {
  readonly at: number
  readonly window: MeasurementWindow
  /** The rule sets applied, in time order: two when the window spans 2026-06-15. */
  readonly ruleSets: readonly RuleSetId[]
  /** Where the per-region rule set takes over inside the window; null when one rule set covers it. */
  readonly splitAt: number | null
  readonly parts: readonly PartEvaluation[]
  /** The outage count of the whole window: every part and region together (A2 and the 2026-06-15 standard). */
  readonly outages: {
    readonly counted: number
    readonly max: number
    readonly left: number
    /** The start of the incident one past the limit; null while within it. */
    readonly breachedAt: number | null
    readonly reason: StatusReason
  }
  /** The worst status of any scope in any part. */
  readonly status: AvailabilityStatus
  /** Each scope's downtime finding, named by scope and rule set, then the outage-count finding. */
  readonly reasons: readonly string[]
  /** The earliest projected breach of any scope; null when none is projected within the window. */
  readonly projectedBreachAt: number | null
  /** Rows (of the spans given) of excluded outages that fall in the window so far: shown, never counted. */
  readonly excludedRows: readonly number[]
}

const regionNumber = (scope: Scope) => (scope === 'ALL' ? allRegions : regionOrder.indexOf(scope))

function stretch(lengthMs: number, downtimeMs: number, targetPercent: number): StretchFigures {
  const budgetMs = allowedDowntimeMs(lengthMs, targetPercent)
  return {
    lengthMs,
    downtimeMs,
    availability: availabilityPercent(downtimeMs, lengthMs),
    budgetMs,
    budgetUsedShare: budgetMs > 0 ? downtimeMs / budgetMs : downtimeMs > 0 ? Infinity : 0,
    budgetLeftMs: Math.max(0, budgetMs - downtimeMs),
  }
}

/**
 * The incidents of a scope that count in a part, as the instants they count from: those that start within the part
 * so far, and, in the window's first part only, one already going on when the window opened (it counts from then).
 */
function countedStarts(incidents: Float64Array, part: RuleSetPart, at: number, firstPart: boolean): number[] {
  const until = Math.min(part.end, at)
  const starts: number[] = []
  for (let p = 0; p < incidents.length; p += 2) {
    const start = incidents[p]!
    if (start >= part.start && start < until) starts.push(start)
    else if (firstPart && start < part.start && incidents[p + 1]! > part.start) starts.push(part.start)
  }
  return starts
}

function clipPairs(pairs: Float64Array, from: number, to: number): Float64Array {
  const out: number[] = []
  for (let p = 0; p < pairs.length; p += 2) {
    const start = Math.max(pairs[p]!, from)
    const end = Math.min(pairs[p + 1]!, to)
    if (end > start) out.push(start, end)
  }
  return Float64Array.from(out)
}

function excludedRowsWithin(spans: OutageSpans, from: number, at: number): number[] {
  const rows: number[] = []
  for (let i = 0; i < spans.length; i++) {
    if (spans.excluded[i] !== 1 || spans.start[i]! >= at) continue
    const end = spans.end[i]!
    if (Number.isNaN(end) || end > from) rows.push(i)
  }
  return rows
}

/**
 * Availability of one product's outages at the instant `at` under the policy (SPEC §5). The window is cut where the
 * rule set changes; each part gets the budget of its own length ((100 − target) % of it) for each of its scopes,
 * and the outage limit is shared by the whole window, every part and region together.
 */
export function evaluateAvailability(
  spans: OutageSpans,
  at: number,
  policy: AvailabilityPolicy,
): AvailabilityEvaluation {
  const window = measurementWindow(at, policy)
  const parts = ruleSetParts(window.start, window.end)
  const { targetPercent, timeZone } = policy
  const mergeGapMs = policy.mergeGapSeconds * 1000

  const merged = new Map<Scope, ScopeDowntime>()
  const downtimeOf = (scope: Scope) => {
    let found = merged.get(scope)
    if (found === undefined) {
      found = mergeDowntime(spans, { region: regionNumber(scope), from: window.start, at, mergeGapMs })
      merged.set(scope, found)
    }
    return found
  }

  const counted = parts.flatMap((part, k) =>
    scopesOf(part.ruleSet).map((scope) => countedStarts(downtimeOf(scope).incidents, part, at, k === 0)),
  )
  // A typed sort: a product can have thousands of incidents, and a comparator sort of them costs more than the merge.
  const countStarts = Float64Array.from(counted.flat()).sort()
  const countBreachedAt = countStarts[policy.maxOutages] ?? null
  const outageReason = judgeOutageCount(
    countStarts.length,
    policy.maxOutages,
    policy.warnAtOutage,
    parts.some((p) => p.ruleSet === 'per-region') ? 'across all regions' : 'in the window',
  )

  let scopeIndex = 0
  const evaluatedParts: PartEvaluation[] = parts.map((part) => ({
    ...part,
    scopes: scopesOf(part.ruleSet).map((scope): ScopeEvaluation => {
      const { intervals, incidents } = downtimeOf(scope)
      const until = Math.min(part.end, at)
      const downtimeMs = downtimeWithin(intervals, part.start, until)
      const whole = stretch(part.end - part.start, downtimeMs, targetPercent)
      const downtimeReason = judgeDowntime(downtimeMs, whole.budgetMs, policy.warnAtBudgetShare)
      const spentAt = instantBudgetSpent(intervals, part.start, until, whole.budgetMs)
      const breaches = [spentAt, countBreachedAt].filter((t): t is number => t !== null)
      const breachedAt = breaches.length > 0 ? Math.min(...breaches) : null
      const burnRates =
        at > part.end
          ? []
          : burnRateAlerts({
              intervals,
              from: part.start,
              at,
              budgetMs: whole.budgetMs,
              budgetLeftMs: whole.budgetLeftMs,
            })
      const burning = burnRates.filter((b) => b.firing).map((b) => b.reason)
      return {
        scope,
        ruleSet: part.ruleSet,
        start: part.start,
        end: part.end,
        soFar: stretch(Math.max(0, until - part.start), downtimeMs, targetPercent),
        whole,
        countedOutages: counted[scopeIndex++]!.length,
        incidents: clipPairs(incidents, part.start, until),
        status: worstStatus([downtimeReason.status, outageReason.status, ...burning.map((r) => r.status)]),
        reasons: [downtimeReason, outageReason, ...burning],
        burnRates,
        breachedAt,
        projectedBreachAt: projectedBreachAt({
          start: part.start,
          end: part.end,
          at,
          downtimeMs,
          budgetMs: whole.budgetMs,
        }),
        months: monthlyAvailability(intervals, { from: part.start, to: part.end, at, targetPercent, timeZone }),
        reinstatement:
          breachedAt === null ? null : reinstatementProgress(intervals, { breachedAt, at, targetPercent, timeZone }),
      }
    }),
  }))

  const scopes = evaluatedParts.flatMap((p) => p.scopes)
  const projections = scopes.map((s) => s.projectedBreachAt).filter((t): t is number => t !== null)
  return {
    at,
    window,
    ruleSets: parts.map((p) => p.ruleSet),
    splitAt: parts.length > 1 ? parts[1]!.start : null,
    parts: evaluatedParts,
    outages: {
      counted: countStarts.length,
      max: policy.maxOutages,
      left: Math.max(0, policy.maxOutages - countStarts.length),
      breachedAt: countBreachedAt,
      reason: outageReason,
    },
    status: worstStatus(scopes.map((s) => s.status)),
    reasons: [
      ...scopes.map((s) => `${s.scope} (${ruleSetLabels[s.ruleSet]}): ${s.reasons[0]!.text}`),
      outageReason.text,
    ],
    projectedBreachAt: projections.length > 0 ? Math.min(...projections) : null,
    excludedRows: excludedRowsWithin(spans, window.start, at),
  }
}
