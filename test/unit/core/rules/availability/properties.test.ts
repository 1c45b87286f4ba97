import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluateAvailability, type AvailabilityEvaluation } from '../../../../../core/rules/availability/evaluate'
import { emptyOutageSpans, type OutageSpans } from '../../../../../core/rules/availability/outage-spans'
import { policyOf } from './fixtures'

// Outages in whole seconds around 2025–2027, so windows fall on both sides of 2026-06-15 and across resets.
const from = Date.UTC(2025, 9, 1)
const span = 600 * 86_400_000

type Generated = { start: number; lengthMs: number; ongoing: boolean; region: number; excluded: boolean }

const outage = fc.record({
  start: fc.integer({ min: 0, max: span / 1000 }).map((s) => from + s * 1000),
  // Mostly short, some long, to make overlaps and long merges both likely.
  lengthMs: fc.oneof(fc.integer({ min: 1, max: 7_200 }), fc.integer({ min: 1, max: 5 * 86_400 })).map((s) => s * 1000),
  ongoing: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
  region: fc.integer({ min: 0, max: 2 }),
  excluded: fc.boolean(),
})

const setting = fc.record({
  at: fc.integer({ min: 0, max: span / 1000 }).map((s) => from + s * 1000),
  mode: fc.constantFrom('annual', 'trailing-365'),
  resetDate: fc.constantFrom('01-01', '03-01', '07-01'),
  mergeGapSeconds: fc.constantFrom(0, 0, 60, 3_600),
  timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York'),
})

type Setting = typeof setting extends fc.Arbitrary<infer S> ? S : never

function spansOf(outages: readonly Generated[]): OutageSpans {
  const spans = emptyOutageSpans(outages.length)
  outages.forEach((o, i) => {
    spans.start[i] = o.start
    spans.end[i] = o.ongoing ? NaN : o.start + o.lengthMs
    spans.region[i] = o.region
    spans.excluded[i] = o.excluded ? 1 : 0
  })
  return spans
}

function evaluate(outages: readonly Generated[], s: Setting): AvailabilityEvaluation {
  const window =
    s.mode === 'annual' ? { mode: 'annual' as const, resetDate: s.resetDate } : { mode: 'trailing-365' as const }
  return evaluateAvailability(
    spansOf(outages),
    s.at,
    policyOf({ window, mergeGapSeconds: s.mergeGapSeconds, timeZone: s.timeZone }),
  )
}

/** What a person reads of an evaluation: everything but which input rows were excluded. */
const figures = (e: AvailabilityEvaluation) => ({ ...e, excludedRows: e.excludedRows.length })

const scopes = (e: AvailabilityEvaluation) => e.parts.flatMap((p) => p.scopes)

describe('availability engine properties', () => {
  it('does not depend on the order of the outages', () => {
    fc.assert(
      fc.property(
        fc
          .array(outage, { maxLength: 40 })
          .chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))),
        setting,
        ([list, shuffled], s) => {
          expect(figures(evaluate(shuffled, s))).toEqual(figures(evaluate(list, s)))
        },
      ),
    )
  })

  it('gives the same downtime and count when an outage is split into touching pieces', () => {
    fc.assert(
      fc.property(
        fc.array(outage, { minLength: 1, maxLength: 30 }),
        fc.nat(),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
        setting,
        (list, pick, cuts, s) => {
          const whole = list[pick % list.length]!
          if (whole.ongoing || whole.lengthMs < 2_000) return
          // Cut at whole seconds strictly inside the outage; the pieces touch end to start.
          const seconds = whole.lengthMs / 1000
          const points = [...new Set(cuts.map((c) => 1 + Math.floor(c * (seconds - 1))))].sort((a, b) => a - b)
          const edges = [0, ...points.filter((p) => p > 0 && p < seconds), seconds]
          const pieces = edges.slice(1).map((end, i) => ({
            ...whole,
            start: whole.start + edges[i]! * 1000,
            lengthMs: (end - edges[i]!) * 1000,
          }))
          const split = [...list.filter((o) => o !== whole), ...pieces]
          const before = evaluate(list, s)
          const after = evaluate(split, s)
          expect(scopes(after).map((x) => [x.whole.downtimeMs, x.countedOutages])).toEqual(
            scopes(before).map((x) => [x.whole.downtimeMs, x.countedOutages]),
          )
          expect(after.outages.counted).toBe(before.outages.counted)
        },
      ),
    )
  })

  it('never counts more downtime than the window has had', () => {
    fc.assert(
      fc.property(fc.array(outage, { maxLength: 60 }), setting, (list, s) => {
        const result = evaluate(list, s)
        for (const scope of scopes(result)) {
          expect(scope.soFar.downtimeMs).toBeLessThanOrEqual(scope.soFar.lengthMs)
          expect(scope.soFar.downtimeMs).toBeGreaterThanOrEqual(0)
          expect(scope.soFar.availability).toBeGreaterThanOrEqual(0)
          expect(scope.soFar.availability).toBeLessThanOrEqual(100)
          for (const month of scope.months) expect(month.downtimeMs).toBeLessThanOrEqual(month.measuredMs)
        }
        expect(result.window.elapsedMs).toBeLessThanOrEqual(result.window.lengthMs)
      }),
    )
  })

  it('never raises availability when an outage is added', () => {
    fc.assert(
      fc.property(fc.array(outage, { maxLength: 40 }), outage, setting, (list, extra, s) => {
        const before = scopes(evaluate(list, s))
        const after = scopes(evaluate([...list, extra], s))
        after.forEach((scope, i) => {
          expect(scope.soFar.availability).toBeLessThanOrEqual(before[i]!.soFar.availability)
          expect(scope.whole.availability).toBeLessThanOrEqual(before[i]!.whole.availability)
          expect(scope.whole.downtimeMs).toBeGreaterThanOrEqual(before[i]!.whole.downtimeMs)
        })
      }),
    )
  })
})
