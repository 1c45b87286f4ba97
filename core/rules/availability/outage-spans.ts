import type { Outage } from '../../model/outage'
import { regionOrder } from './rule-set'

/**
 * Outages as columns of numbers, the form the engine reads: instants in milliseconds since the epoch (UTC), parsed
 * once here at the boundary, so a million outages cost four typed arrays rather than a million objects. Row i is
 * the i-th outage given; outputs name outages by that row number.
 */
export type OutageSpans = {
  readonly length: number
  readonly start: Float64Array
  /** NaN for an outage still going on: the engine counts it up to the instant it evaluates. */
  readonly end: Float64Array
  /** 0 NA, 1 EU, 2 FE (regionOrder). */
  readonly region: Uint8Array
  /** 1 for an outage owned by Amazon or AWS, which counts for nothing. */
  readonly excluded: Uint8Array
}

/** Empty columns for `length` outages, to be filled by an importer or a test. */
export function emptyOutageSpans(length: number): OutageSpans {
  return {
    length,
    start: new Float64Array(length),
    end: new Float64Array(length),
    region: new Uint8Array(length),
    excluded: new Uint8Array(length),
  }
}

/** The columns of validated outages (core/model/outage.ts), in the order given. */
export function outageSpansOf(outages: readonly Outage[]): OutageSpans {
  const spans = emptyOutageSpans(outages.length)
  outages.forEach((o, i) => {
    spans.start[i] = Date.parse(o.start)
    spans.end[i] = o.end === null ? NaN : Date.parse(o.end)
    spans.region[i] = regionOrder.indexOf(o.region)
    spans.excluded[i] = o.excluded ? 1 : 0
  })
  return spans
}
