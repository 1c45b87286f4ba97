import { describe, expect, it } from 'vitest'
import { evaluateAvailability } from '../../../../../core/rules/availability/evaluate'
import type { AvailabilityStatus } from '../../../../../core/rules/availability/status'
import { instant, plus, policyOf, spansOf, type Row } from './fixtures'

// 2025 is measured under the legacy rule set (one scope, ALL) over 365 days: a budget of 22,075.2 s.
const at2025 = instant('2025-12-31T12:00:00Z')
const policy = policyOf()
const start = '2025-05-01T00:00:00Z'

/** One outage of `seconds` in NA from 1 May 2025. */
const lasting = (seconds: number): Row[] => [['NA', start, plus(start, seconds)]]

/** `n` outages of a minute, a day apart, in the regions in turn. */
const outages = (n: number): Row[] =>
  Array.from({ length: n }, (_, i) => {
    const from = plus(start, i * 86_400)
    return [(['NA', 'EU', 'FE'] as const)[i % 3]!, from, plus(from, 60)] as const
  })

const cases: readonly (readonly [
  what: string,
  rows: readonly Row[],
  status: AvailabilityStatus,
  downtimeMs: number,
  counted: number,
  reason: RegExp,
])[] = [
  ['no outage', [], 'compliant', 0, 0, /0 s of a budget of 6 h 7 min 55.2 s: 0 % used/],
  ['just under the warning (75 % is 16,556.4 s)', lasting(16_556), 'compliant', 16_556_000, 1, /74\.9 % used/],
  ['at 75 % of the budget', lasting(16_556.4), 'warning', 16_556_400, 1, /75 % used, at or past the warning at 75 %/],
  ['exactly at the budget', lasting(22_075.2), 'warning', 22_075_200, 1, /100 % used, at or past the warning/],
  ['a millisecond over', lasting(22_075.201), 'breached', 22_075_201, 1, /over it by 0.001 s\./],
  ['one second over', lasting(22_076.2), 'breached', 22_076_200, 1, /over it by 1 s\./],
  ['three outages', outages(3), 'compliant', 180_000, 3, /3 outages counted in the window of 5 allowed: 2 left/],
  [
    'four outages',
    outages(4),
    'warning',
    240_000,
    4,
    /4 outages counted .* at or past the warning at outage 4; 1 left/,
  ],
  ['five outages', outages(5), 'warning', 300_000, 5, /5 outages counted .*; 0 left/],
  ['six outages', outages(6), 'breached', 360_000, 6, /6 outages counted in the window of 5 allowed: over the limit/],
]

describe('thresholds (SPEC §2 A1–A3, worked by hand)', () => {
  it.each(cases)('%s: %s', (_what, rows, status, downtimeMs, counted, reason) => {
    const result = evaluateAvailability(spansOf(rows), at2025, policy)
    expect(result.ruleSets).toEqual(['legacy-global'])
    const [all] = result.parts[0]!.scopes
    expect(all).toMatchObject({ scope: 'ALL', status, countedOutages: counted })
    expect(all!.whole).toMatchObject({ downtimeMs, budgetMs: 22_075_200, lengthMs: 365 * 86_400_000 })
    expect(result.status).toBe(status)
    expect(result.outages.counted).toBe(counted)
    expect(result.reasons.join('\n')).toMatch(reason)
  })

  it('names when the budget ran out and the outage that went over the limit', () => {
    const spent = evaluateAvailability(spansOf(lasting(22_076.2)), at2025, policy)
    expect(spent.parts[0]!.scopes[0]!.breachedAt).toBe(instant('2025-05-01T06:07:55.200Z'))
    const many = evaluateAvailability(spansOf(outages(6)), at2025, policy)
    expect(many.outages.breachedAt).toBe(instant('2025-05-06T00:00:00Z'))
    expect(many.outages.left).toBe(0)
  })

  it('judges the whole window: the budget used so far is of the window so far', () => {
    const result = evaluateAvailability(spansOf(lasting(3_600)), instant('2025-02-01T00:00:00Z'), policy)
    expect(result.parts[0]!.scopes[0]!.soFar).toMatchObject({ downtimeMs: 0, lengthMs: 31 * 86_400_000 })
    const later = evaluateAvailability(spansOf(lasting(3_600)), instant('2025-07-01T00:00:00Z'), policy)
    const { soFar, whole } = later.parts[0]!.scopes[0]!
    // 181 days so far: a budget of 0.0007 × 181 × 86,400 s = 10,946.88 s, of which 3,600 s is used.
    expect(soFar).toMatchObject({ lengthMs: 181 * 86_400_000, budgetMs: 10_946_880, budgetLeftMs: 7_346_880 })
    expect(soFar.availability).toBeCloseTo(100 * (1 - 3_600 / (181 * 86_400)), 12)
    expect(whole).toMatchObject({ budgetMs: 22_075_200, budgetLeftMs: 18_475_200 })
    expect(whole.availability).toBeCloseTo(100 * (1 - 3_600 / (365 * 86_400)), 12)
  })
})
