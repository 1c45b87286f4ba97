import { describe, expect, it } from 'vitest'
import { evaluateAvailability } from '../../../../../core/rules/availability/evaluate'
import { instant, policyOf, spansOf, type Row } from './fixtures'

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString())

describe('reinstatement: three full months at target since the breach (SPEC §2 A4)', () => {
  // Seven hours in NA on 10 February 2027 spend the 22,075.2 s budget at 06:07:55.2; March, April, May count.
  const breach: Row = ['NA', '2027-02-10T00:00:00Z', '2027-02-10T07:00:00Z']
  // 40 minutes in April: over April's 0.0007 × 30 × 86,400 s = 1,814.4 s.
  const badApril: Row = ['NA', '2027-04-10T00:00:00Z', '2027-04-10T00:40:00Z']

  it.each([
    ['after three full months', [breach], '2027-06-01T00:00:00Z', 3, '2027-06-01T00:00:00.000Z'],
    ['not after two and a half', [breach], '2027-05-16T12:00:00Z', 2, null],
    ['not in the month of the breach', [breach], '2027-03-01T00:00:00Z', 0, null],
    ['again from nought after a month below target', [breach, badApril], '2027-06-01T00:00:00Z', 1, null],
    [
      'after the three that follow the month below target',
      [breach, badApril],
      '2027-08-01T00:00:00Z',
      3,
      '2027-08-01T00:00:00.000Z',
    ],
  ] as const)('%s (at %s: %i months)', (_what, rows, at, months, reinstatedAt) => {
    const result = evaluateAvailability(spansOf(rows), instant(at), policyOf())
    const [na, eu] = result.parts[0]!.scopes
    expect(na!.status).toBe('breached')
    expect(iso(na!.breachedAt)).toBe('2027-02-10T06:07:55.200Z')
    expect(na!.reinstatement).toMatchObject({ consecutiveMonths: months, monthsNeeded: 3 })
    expect(iso(na!.reinstatement!.reinstatedAt)).toBe(reinstatedAt)
    // Per region: EU was never breached, so it has no way back to go.
    expect(eu!.reinstatement).toBeNull()
  })

  it('counts months in the lab’s zone: a breach late on 28 February UTC is on 1 March in Berlin', () => {
    // The budget runs out at 23:07:55.2 UTC on 28 February, 00:07:55.2 on 1 March in Berlin: March counts only in UTC.
    const rows: Row[] = [['EU', '2027-02-28T17:00:00Z', '2027-02-28T23:30:00Z']]
    const at = instant('2027-06-15T00:00:00Z')
    const utc = evaluateAvailability(spansOf(rows), at, policyOf()).parts[0]!.scopes[1]!
    const berlin = evaluateAvailability(spansOf(rows), at, policyOf({ timeZone: 'Europe/Berlin' })).parts[0]!.scopes[1]!
    expect(iso(utc.breachedAt)).toBe('2027-02-28T23:07:55.200Z')
    expect(berlin.breachedAt).toBe(utc.breachedAt)
    expect(utc.reinstatement).toMatchObject({ consecutiveMonths: 3, reinstatedAt: instant('2027-06-01T00:00:00Z') })
    expect(berlin.reinstatement).toMatchObject({ consecutiveMonths: 2, reinstatedAt: null })
  })
})

describe('the projected breach at the current burn rate', () => {
  // 90 days gone on 1 April 2027. Three hours down is 120 s a day: 22,075.2 s last 183.96 days, to 3 July 23:02:24.
  it.each([
    ['three hours in 90 days', 10_800, '2027-07-03T23:02:24.001Z'],
    ['an hour in 90 days: the budget outlasts the window', 3_600, null],
    ['nothing down', 0, null],
    ['already over the budget', 22_076, null],
  ] as const)('%s: %s', (_what, seconds, projected) => {
    const rows: Row[] =
      seconds === 0
        ? []
        : [['FE', '2027-02-01T00:00:00Z', new Date(Date.UTC(2027, 1, 1) + seconds * 1000).toISOString()]]
    const result = evaluateAvailability(spansOf(rows), instant('2027-04-01T00:00:00Z'), policyOf())
    expect(iso(result.parts[0]!.scopes[2]!.projectedBreachAt)).toBe(projected)
    expect(iso(result.projectedBreachAt)).toBe(projected)
  })

  it('never projects in a trailing window, which ends at the instant evaluated', () => {
    const rows: Row[] = [['FE', '2028-02-01T00:00:00Z', '2028-02-01T05:00:00Z']]
    const result = evaluateAvailability(
      spansOf(rows),
      instant('2028-04-01T00:00:00Z'),
      policyOf({ window: { mode: 'trailing-365' } }),
    )
    expect(result.status).toBe('warning')
    expect(result.projectedBreachAt).toBeNull()
  })
})
