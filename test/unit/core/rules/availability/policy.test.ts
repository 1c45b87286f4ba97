import { describe, expect, it } from 'vitest'
import { defaultAvailabilityPolicy, parseAvailabilityPolicy } from '../../../../../core/rules/availability/policy'

describe('the availability policy', () => {
  it('starts from Amazon’s figures', () => {
    expect(defaultAvailabilityPolicy).toEqual({
      targetPercent: 99.93,
      maxOutages: 5,
      window: { mode: 'annual', resetDate: '01-01' },
      warnAtBudgetShare: 0.75,
      warnAtOutage: 4,
      mergeGapSeconds: 0,
      timeZone: 'UTC',
    })
    expect(parseAvailabilityPolicy(undefined)).toEqual({ ok: true, value: defaultAvailabilityPolicy })
  })

  it('keeps what a lab sets', () => {
    const parsed = parseAvailabilityPolicy({
      window: { mode: 'annual', resetDate: '04-01' },
      timeZone: 'Europe/Berlin',
      mergeGapSeconds: 300,
    })
    expect(parsed).toMatchObject({ ok: true, value: { window: { resetDate: '04-01' }, timeZone: 'Europe/Berlin' } })
    expect(parseAvailabilityPolicy({ window: { mode: 'trailing-365' } })).toMatchObject({
      ok: true,
      value: { window: { mode: 'trailing-365' } },
    })
  })

  it.each([
    [{ targetPercent: 101 }, 'targetPercent', 'The target can be at most 100 %.'],
    [{ targetPercent: 99.93001 }, 'targetPercent', 'The target can have at most four decimals, e.g. 99.9312.'],
    [{ targetPercent: '99.93' }, 'targetPercent', 'The target is a percentage, e.g. 99.93.'],
    [{ maxOutages: 2.5 }, 'maxOutages', 'The maximum number of outages is a whole number, e.g. 5.'],
    [{ window: { mode: 'monthly' } }, 'window.mode', 'Choose the window: annual (with a reset date) or trailing-365.'],
    [
      { window: { mode: 'annual', resetDate: '02-29' } },
      'window.resetDate',
      'The reset date must be a day every year has (MM-DD, 01-01 to 12-31, not 02-29).',
    ],
    [
      { window: { mode: 'annual', resetDate: '1 Jan' } },
      'window.resetDate',
      'Enter the reset date as MM-DD, e.g. 01-01 for 1 January.',
    ],
    [
      { warnAtBudgetShare: 75 },
      'warnAtBudgetShare',
      'The warning share of the budget is a number from 0 to 1, e.g. 0.75.',
    ],
    [
      { warnAtOutage: 7 },
      'warnAtOutage',
      'The outage to warn at must not come after the one that breaches (maximum outages + 1).',
    ],
    [{ mergeGapSeconds: -1 }, 'mergeGapSeconds', 'The merge gap cannot be negative.'],
    [
      { timeZone: 'Europe/Springfield' },
      'timeZone',
      'Unknown time zone "Europe/Springfield": use an IANA name such as UTC or Europe/Berlin.',
    ],
  ])('refuses %j, naming %s', (input, field, message) => {
    expect(parseAvailabilityPolicy(input)).toEqual({ ok: false, problem: { code: 'invalid', field, message } })
  })
})
