import { describe, expect, it } from 'vitest'
import { evaluateAvailability } from '../../../../../core/rules/availability/evaluate'
import { perRegionFrom } from '../../../../../core/rules/availability/rule-set'
import { instant, plus, policyOf, spansOf, type Row } from './fixtures'

const hour = 3_600_000
const day = 86_400_000

describe('a window across 2026-06-15', () => {
  const rows: Row[] = [
    ['NA', '2026-03-01T00:00:00Z', '2026-03-01T01:00:00Z'],
    // Across the change: 30 min each side, counted once, under the rule set it began in.
    ['NA', '2026-06-14T23:30:00Z', '2026-06-15T00:30:00Z'],
    ['EU', '2026-07-01T00:00:00Z', '2026-07-01T01:00:00Z'],
  ]
  const result = evaluateAvailability(spansOf(rows), instant('2026-09-01T00:00:00Z'), policyOf())

  it('applies each rule set to its own part and says so', () => {
    expect(result.ruleSets).toEqual(['legacy-global', 'per-region'])
    expect(result.splitAt).toBe(perRegionFrom)
    expect(
      result.parts.map((p) => [p.ruleSet, new Date(p.start).toISOString(), new Date(p.end).toISOString()]),
    ).toEqual([
      ['legacy-global', '2026-01-01T00:00:00.000Z', '2026-06-15T00:00:00.000Z'],
      ['per-region', '2026-06-15T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    ])
  })

  // Each part's budget is of its own length: 165 days × 86,400 s × 0.0007 = 9,979.2 s; 200 days: 12,096 s.
  it.each([
    ['ALL', 'legacy-global', 5_400, 9_979.2, 2],
    ['NA', 'per-region', 1_800, 12_096, 0],
    ['EU', 'per-region', 3_600, 12_096, 1],
    ['FE', 'per-region', 0, 12_096, 0],
  ] as const)('%s (%s): %f s down of %f s, %i counted', (scope, ruleSet, downtimeS, budgetS, counted) => {
    const found = result.parts.flatMap((p) => p.scopes).find((s) => s.scope === scope)
    expect(found).toMatchObject({ ruleSet, countedOutages: counted, status: 'compliant' })
    expect(found!.whole.downtimeMs).toBe(downtimeS * 1000)
    expect(found!.whole.budgetMs).toBe(budgetS * 1000)
  })

  it('shares the five outages between the parts', () => {
    expect(result.outages).toMatchObject({ counted: 3, max: 5, left: 2 })
    expect(result.reasons.at(-1)).toMatch(/^3 outages counted across all regions of 5 allowed: 2 left/)
    expect(result.reasons[0]).toMatch(/^ALL \(Legacy global rule set\): /)
  })

  it('measures a region part not yet begun as nothing elapsed', () => {
    const early = evaluateAvailability(spansOf(rows), instant('2026-04-01T00:00:00Z'), policyOf())
    const na = early.parts[1]!.scopes[0]!
    expect(na.soFar).toMatchObject({ lengthMs: 0, downtimeMs: 0, availability: 100 })
    expect(na.months).toEqual([])
  })
})

describe('a leap day', () => {
  // 2028 holds 29 February: 366 days and a budget of 22,135.68 s; 2027 has 365 days and 22,075.2 s.
  it.each([
    ['2028-02-29T00:00:00Z', 22_135.68, 'warning', 22_135.68],
    ['2028-02-29T00:00:00Z', 22_136.68, 'breached', 22_135.68],
    ['2027-02-28T00:00:00Z', 22_135.68, 'breached', 22_075.2],
  ] as const)('an outage from %s of %f s is %s (budget %f s)', (start, seconds, status, budgetS) => {
    const rows: Row[] = [['FE', start, plus(start, seconds)]]
    const at = instant(start.slice(0, 4) + '-12-01T00:00:00Z')
    const result = evaluateAvailability(spansOf(rows), at, policyOf())
    const fe = result.parts[0]!.scopes.find((s) => s.scope === 'FE')!
    expect(fe.whole.budgetMs).toBe(budgetS * 1000)
    expect(fe.status).toBe(status)
  })

  it('gives February 2028 its 29 days', () => {
    const rows: Row[] = [['FE', '2028-02-29T00:00:00Z', '2028-02-29T00:30:00Z']]
    const result = evaluateAvailability(spansOf(rows), instant('2028-04-01T00:00:00Z'), policyOf())
    const fe = result.parts[0]!.scopes.find((s) => s.scope === 'FE')!
    // 29 days allow 0.0007 × 29 × 86,400 s = 1,753.92 s; 1,800 s is over it, so February misses the target.
    expect(fe.months.map((m) => [m.month, m.measuredMs / day, m.downtimeMs / 1000, m.meetsTarget])).toEqual([
      ['2028-01', 31, 0, true],
      ['2028-02', 29, 1_800, false],
      ['2028-03', 31, 0, true],
    ])
  })
})

describe('a DST change in the lab’s time zone (Europe/Berlin, 2027: 28 March and 31 October)', () => {
  const rows: Row[] = [
    // Across the spring change (01:00 UTC): 01:30 CET to 03:30 CEST on the clock, one hour of downtime.
    ['NA', '2027-03-28T00:30:00Z', '2027-03-28T01:30:00Z'],
    // Across the autumn change: 02:30 CEST to 02:30 CET on the clock, still one hour.
    ['NA', '2027-10-31T00:30:00Z', '2027-10-31T01:30:00Z'],
    // 22:30–23:30 UTC on 31 March is 00:30–01:30 on 1 April in Berlin: the one figure the zone moves.
    ['NA', '2027-03-31T22:30:00Z', '2027-03-31T23:30:00Z'],
  ]
  const at = instant('2027-12-01T00:00:00Z')
  const utc = evaluateAvailability(spansOf(rows), at, policyOf())
  const berlin = evaluateAvailability(spansOf(rows), at, policyOf({ timeZone: 'Europe/Berlin' }))
  const na = (r: typeof utc) => r.parts[0]!.scopes[0]!

  it('moves no figure of the window', () => {
    for (const result of [utc, berlin]) {
      expect(result.window.lengthMs).toBe(365 * day)
      expect(na(result).whole).toMatchObject({ downtimeMs: 3 * hour, budgetMs: 22_075_200 })
      expect(result.outages.counted).toBe(3)
      expect(result.status).toBe('compliant')
    }
    expect(na(berlin).whole).toEqual(na(utc).whole)
    expect(na(berlin).projectedBreachAt).toBe(na(utc).projectedBreachAt)
  })

  it('moves only the month the instant at the boundary falls in', () => {
    const months = (r: typeof utc) =>
      Object.fromEntries(na(r).months.map((m) => [m.month, [m.measuredMs / hour, m.downtimeMs / hour]]))
    expect(months(utc)).toMatchObject({ '2027-03': [744, 2], '2027-04': [720, 0], '2027-10': [744, 1] })
    // Berlin's March is an hour short and its October an hour long: the months as the lab's clock has them.
    expect(months(berlin)).toMatchObject({ '2027-03': [743, 1], '2027-04': [720, 1], '2027-10': [745, 1] })
  })
})
