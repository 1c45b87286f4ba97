import type { OutageSpans } from './outage-spans'

/** Every region: the legacy rule set's one scope. */
export const allRegions = -1

/**
 * A scope's counted downtime up to an instant. Both lists are flat [start, end, start, end, …] pairs of instants,
 * sorted and disjoint, each half-open [start, end).
 */
export type ScopeDowntime = {
  /** The union of the outages: overlapping or touching outages are one pair; its length is the downtime. */
  readonly intervals: Float64Array
  /** The union's pairs joined across gaps of at most the merge gap: one pair per incident, the outage count. */
  readonly incidents: Float64Array
}

export type MergeRequest = {
  /** 0, 1, 2 for NA, EU, FE (regionOrder), or allRegions. */
  readonly region: number
  /** Outages that end before this (less the merge gap) cannot reach the window and are skipped. */
  readonly from: number
  /** The instant evaluated: an ongoing outage runs to it, and nothing after it is known. */
  readonly at: number
  readonly mergeGapMs: number
}

/**
 * The union and the incidents of one scope's counted outages (not excluded, in the region, overlapping [from −
 * gap, at)). Sort and sweep, O(n log n) with no object per outage: starts and ends are sorted apart, as typed
 * arrays, which is enough, because the number of outages covering an instant is the number of starts at or before
 * it less the number of ends at or before it. Starts go first on a tie, so touching outages are one.
 */
export function mergeDowntime(spans: OutageSpans, request: MergeRequest): ScopeDowntime {
  const { region, at, mergeGapMs } = request
  const reach = request.from - mergeGapMs
  const endOf = (i: number) => {
    const end = spans.end[i]!
    return Number.isNaN(end) || end > at ? at : end
  }
  const counts = (i: number) => {
    if (spans.excluded[i] === 1 || (region !== allRegions && spans.region[i] !== region)) return false
    const end = endOf(i)
    // An outage with no length up to `at` (not yet begun, or a zero-length row) counts for nothing.
    return end > spans.start[i]! && end >= reach
  }
  let n = 0
  for (let i = 0; i < spans.length; i++) if (counts(i)) n++
  const starts = new Float64Array(n)
  const ends = new Float64Array(n)
  for (let i = 0, k = 0; i < spans.length; i++) {
    if (!counts(i)) continue
    starts[k] = spans.start[i]!
    ends[k] = endOf(i)
    k++
  }
  starts.sort()
  ends.sort()
  const intervals = sweepUnion(starts, ends)
  return { intervals, incidents: joinAcrossGaps(intervals, mergeGapMs) }
}

function sweepUnion(starts: Float64Array, ends: Float64Array): Float64Array {
  const n = starts.length
  const out = new Float64Array(2 * n)
  let pairs = 0
  let active = 0
  let openedAt = 0
  let i = 0
  let j = 0
  while (i < n) {
    if (starts[i]! <= ends[j]!) {
      if (active === 0) openedAt = starts[i]!
      active++
      i++
    } else {
      active--
      if (active === 0) {
        out[2 * pairs] = openedAt
        out[2 * pairs + 1] = ends[j]!
        pairs++
      }
      j++
    }
  }
  if (n > 0) {
    out[2 * pairs] = openedAt
    out[2 * pairs + 1] = ends[n - 1]!
    pairs++
  }
  return out.slice(0, 2 * pairs)
}

function joinAcrossGaps(intervals: Float64Array, gapMs: number): Float64Array {
  if (gapMs <= 0) return intervals
  const out = new Float64Array(intervals.length)
  let k = 0
  for (let p = 0; p < intervals.length; p += 2) {
    if (k > 0 && intervals[p]! - out[k - 1]! <= gapMs) out[k - 1] = intervals[p + 1]!
    else {
      out[k++] = intervals[p]!
      out[k++] = intervals[p + 1]!
    }
  }
  return out.slice(0, k)
}

/** The downtime of the union that falls within [from, to), in milliseconds. */
export function downtimeWithin(intervals: Float64Array, from: number, to: number): number {
  let total = 0
  for (let p = 0; p < intervals.length; p += 2) {
    const start = Math.max(intervals[p]!, from)
    const end = Math.min(intervals[p + 1]!, to)
    if (end > start) total += end - start
  }
  return total
}

/**
 * The instant the downtime within [from, to) first exceeds `budgetMs`: where the running total reaches the budget
 * with downtime going on past it. null when it never does.
 */
export function instantBudgetSpent(intervals: Float64Array, from: number, to: number, budgetMs: number): number | null {
  let total = 0
  for (let p = 0; p < intervals.length; p += 2) {
    const start = Math.max(intervals[p]!, from)
    const end = Math.min(intervals[p + 1]!, to)
    if (end <= start) continue
    if (total + (end - start) > budgetMs) return start + (budgetMs - total)
    total += end - start
  }
  return null
}
