import { describe, expect, it } from 'vitest'
import { burnRateAlerts, defaultBurnRules } from '../../../../../core/rules/availability/burn-rate'
import { evaluateAvailability } from '../../../../../core/rules/availability/evaluate'
import { instant, policyOf, spansOf, type Row } from './fixtures'

// 2027, per region: each region's budget is 0.07 % of the 365-day window, 22,075.2 s; 2 % of it is 441.504 s.
const at = '2027-03-10T12:00:00Z'
const scopeOf = (rows: readonly Row[], when = at) => {
  const result = evaluateAvailability(spansOf(rows), instant(when), policyOf())
  return { result, na: result.parts[0]!.scopes.find((s) => s.scope === 'NA')! }
}

describe('burn-rate warnings', () => {
  it('warn of a fast burn days before the threshold, naming the window and when the budget would be gone', () => {
    // Ten minutes down in the last hour, still down: 600 s is 2.7 % of the budget, far from the 75 % threshold.
    const { result, na } = scopeOf([['NA', '2027-03-10T11:50:00Z', null]])
    expect(na.reasons[0]).toMatchObject({ measure: 'downtime', status: 'compliant' })
    const fast = na.burnRates.find((b) => b.rule.id === 'fast')!
    expect(fast).toMatchObject({ firing: true, downtimeMs: 600_000, from: instant('2027-03-10T11:00:00Z') })
    // The 21,475.2 s left, at 600 s an hour: 35.792 h from now.
    expect(fast.exhaustedAt).toBe(instant(at) + Math.ceil((21_475_200 / 600_000) * 3_600_000))
    expect(fast.reason.text).toBe(
      'Fast burn: 10 min down in the last 1 h (2.7 % of the budget), at or past 2 %; at this rate the budget is gone on 2027-03-11 23:47 UTC.',
    )
    expect(na.status).toBe('warning')
    expect(result.status).toBe('warning')
  })

  it('stay quiet under the rate, and end soon after the outage does, not a window later', () => {
    // Seven minutes (420 s) in the last hour: under 441.504 s.
    expect(scopeOf([['NA', '2027-03-10T11:00:00Z', '2027-03-10T11:07:00Z']]).na.burnRates.every((b) => !b.firing)).toBe(
      true,
    )
    // Ten minutes, over twenty minutes ago: the last five minutes burn nothing, so the fast alert is over.
    const ended = scopeOf([['NA', '2027-03-10T11:30:00Z', '2027-03-10T11:40:00Z']]).na
    expect(ended.burnRates.find((b) => b.rule.id === 'fast')).toMatchObject({ firing: false, downtimeMs: 600_000 })
    expect(ended.status).toBe('compliant')
  })

  it('warn of a slow burn: 10 % of the budget within three days, still burning in the last six hours', () => {
    // Every six hours, 10 minutes down: twelve times in three days is 7,200 s, 32.6 % of the budget.
    const rows: Row[] = Array.from({ length: 12 }, (_, i) => {
      const start = instant('2027-03-07T12:30:00Z') + i * 6 * 3_600_000
      return ['NA', new Date(start).toISOString(), new Date(start + 600_000).toISOString()] as const
    })
    const { na } = scopeOf(rows)
    expect(na.burnRates.map((b) => [b.rule.id, b.firing])).toEqual([
      ['fast', false],
      ['slow', true],
    ])
    expect(na.reasons.at(-1)?.text).toMatch(/^Slow burn: 2 h down in the last 3 d \(32\.6 % of the budget\)/)
  })

  it('read no downtime from before the part of the window they are in, and none for an empty budget', () => {
    const intervals = Float64Array.from([0, 10 * 3_600_000])
    const [fast] = burnRateAlerts({
      intervals,
      from: 10 * 3_600_000,
      at: 10.5 * 3_600_000,
      budgetMs: 1_000,
      budgetLeftMs: 1_000,
    })
    expect(fast).toMatchObject({ downtimeMs: 0, firing: false, exhaustedAt: null })
    const [none] = burnRateAlerts({ intervals, from: 0, at: 3_600_000, budgetMs: 0, budgetLeftMs: 0 })
    expect(none).toMatchObject({ firing: false, budgetSpentShare: 0 })
    expect(defaultBurnRules.map((r) => r.budgetShare)).toEqual([0.02, 0.1])
  })
})
