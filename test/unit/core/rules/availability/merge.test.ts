import { describe, expect, it } from 'vitest'
import { evaluateAvailability } from '../../../../../core/rules/availability/evaluate'
import { instant, policyOf, spansOf, type Row } from './fixtures'

const day = (time: string) => `2025-05-01T${time}:00Z`
const at2025 = instant('2025-12-31T12:00:00Z')

// Legacy rule set (2025): every region is one scope, so outages of different regions merge too.
const legacy: readonly (readonly [
  what: string,
  rows: readonly Row[],
  downtimeS: number,
  counted: number,
  gapS?: number,
])[] = [
  ['one outage', [['NA', day('10:00'), day('11:00')]], 3_600, 1],
  [
    'overlapping',
    [
      ['NA', day('10:00'), day('11:00')],
      ['NA', day('10:30'), day('11:30')],
    ],
    5_400,
    1,
  ],
  [
    'touching',
    [
      ['NA', day('10:00'), day('11:00')],
      ['NA', day('11:00'), day('12:00')],
    ],
    7_200,
    1,
  ],
  [
    'one inside the other',
    [
      ['NA', day('10:00'), day('12:00')],
      ['NA', day('10:30'), day('11:00')],
    ],
    7_200,
    1,
  ],
  [
    'the same outage twice',
    [
      ['NA', day('10:00'), day('11:00')],
      ['NA', day('10:00'), day('11:00')],
    ],
    3_600,
    1,
  ],
  [
    'a second apart',
    [
      ['NA', day('10:00'), day('11:00')],
      ['NA', '2025-05-01T11:00:01Z', day('12:00')],
    ],
    7_199,
    2,
  ],
  [
    'overlapping in two regions',
    [
      ['NA', day('10:00'), day('11:00')],
      ['EU', day('10:30'), day('11:30')],
    ],
    5_400,
    1,
  ],
  [
    'a chain of three touching',
    [
      ['FE', day('12:00'), day('13:00')],
      ['NA', day('10:00'), day('11:00')],
      ['EU', day('11:00'), day('12:00')],
    ],
    10_800,
    1,
  ],
  // The merge gap joins incidents for the count; the downtime stays the union, gap not included.
  [
    '60 s apart, gap 60 s',
    [
      ['NA', day('10:00'), day('11:00')],
      ['NA', day('11:01'), day('12:00')],
    ],
    7_140,
    1,
    60,
  ],
  [
    '61 s apart, gap 60 s',
    [
      ['NA', day('10:00'), day('11:00')],
      ['NA', '2025-05-01T11:01:01Z', day('12:00')],
    ],
    7_139,
    2,
    60,
  ],
]

describe('merging outages into incidents (legacy rule set, 2025)', () => {
  const table = legacy.map(
    ([what, rows, downtimeS, counted, gapS]) => [what, rows, downtimeS, counted, gapS ?? 0] as const,
  )
  it.each(table)('%s: %i s down, %i counted', (_what, rows, downtimeS, counted, gapS) => {
    const result = evaluateAvailability(spansOf(rows), at2025, policyOf({ mergeGapSeconds: gapS }))
    const [all] = result.parts[0]!.scopes
    expect(all!.whole.downtimeMs).toBe(downtimeS * 1000)
    expect(all!.countedOutages).toBe(counted)
  })
})

describe('merging under the per-region rule set (2027)', () => {
  it('keeps regions apart for downtime and counts their incidents together', () => {
    const rows: Row[] = [
      ['NA', '2027-05-01T10:00:00Z', '2027-05-01T11:00:00Z'],
      ['EU', '2027-05-01T10:30:00Z', '2027-05-01T11:30:00Z'],
      ['EU', '2027-05-01T11:30:00Z', '2027-05-01T12:00:00Z'],
    ]
    const result = evaluateAvailability(spansOf(rows), instant('2027-12-01T00:00:00Z'), policyOf())
    expect(result.ruleSets).toEqual(['per-region'])
    const figures = result.parts[0]!.scopes.map((s) => [s.scope, s.whole.downtimeMs / 1000, s.countedOutages])
    expect(figures).toEqual([
      ['NA', 3_600, 1],
      ['EU', 5_400, 1],
      ['FE', 0, 0],
    ])
    expect(result.outages.counted).toBe(2)
    expect(result.outages.reason.text).toMatch(/^2 outages counted across all regions of 5 allowed/)
  })
})

describe('excluded outages (owned by Amazon or AWS)', () => {
  it('count for nothing and are kept for display', () => {
    const rows: Row[] = [
      ['NA', day('08:00'), day('16:00'), 'excluded'],
      ['NA', day('10:00'), day('10:10')],
      ['EU', '2025-06-01T00:00:00Z', '2025-06-02T00:00:00Z', 'excluded'],
      ['EU', '2024-06-01T00:00:00Z', '2024-06-02T00:00:00Z', 'excluded'],
    ]
    const result = evaluateAvailability(spansOf(rows), at2025, policyOf())
    expect(result.parts[0]!.scopes[0]!.whole.downtimeMs).toBe(600_000)
    expect(result.outages.counted).toBe(1)
    expect(result.status).toBe('compliant')
    // The last row lies before the window: not shown with it.
    expect(result.excludedRows).toEqual([0, 2])
  })
})

describe('an ongoing outage', () => {
  const rows: Row[] = [['EU', '2025-05-01T00:00:00Z', null]]

  // Two hours in, a third of the budget is used (compliant by the threshold), but the fast burn warns already.
  it.each([
    ['2025-05-01T02:00:00Z', 7_200, 'warning'],
    ['2025-05-01T05:00:00Z', 18_000, 'warning'],
    ['2025-05-01T06:07:55.200Z', 22_075.2, 'warning'],
    ['2025-05-01T06:07:56.200Z', 22_076.2, 'breached'],
  ] as const)('counts up to the instant evaluated: at %s, %f s', (at, downtimeS, status) => {
    const result = evaluateAvailability(spansOf(rows), instant(at), policyOf())
    expect(result.parts[0]!.scopes[0]!.whole.downtimeMs).toBe(downtimeS * 1000)
    expect(result.outages.counted).toBe(1)
    expect(result.status).toBe(status)
    if (downtimeS === 7_200) expect(result.parts[0]!.scopes[0]!.reasons[0]!.status).toBe('compliant')
  })

  it('is not counted before it begins, and a logged end after the instant is cut to it', () => {
    const later: Row[] = [
      ['EU', '2025-05-01T00:00:00Z', '2025-05-03T00:00:00Z'],
      ['NA', '2025-06-01T00:00:00Z', null],
    ]
    const result = evaluateAvailability(spansOf(later), instant('2025-05-01T01:00:00Z'), policyOf())
    expect(result.parts[0]!.scopes[0]!.whole.downtimeMs).toBe(3_600_000)
    expect(result.outages.counted).toBe(1)
  })
})

describe('the edges of the window', () => {
  it('counts an outage going on at the reset in the new window, with only its part inside', () => {
    const rows: Row[] = [['NA', '2024-12-31T23:00:00Z', '2025-01-01T01:00:00Z']]
    const result = evaluateAvailability(spansOf(rows), at2025, policyOf())
    expect(result.parts[0]!.scopes[0]!.whole.downtimeMs).toBe(3_600_000)
    expect(result.outages.counted).toBe(1)
  })

  it('ignores an outage that ended at the reset', () => {
    const rows: Row[] = [['NA', '2024-12-31T23:00:00Z', '2025-01-01T00:00:00Z']]
    const result = evaluateAvailability(spansOf(rows), at2025, policyOf())
    expect(result.parts[0]!.scopes[0]!.whole.downtimeMs).toBe(0)
    expect(result.outages.counted).toBe(0)
  })
})
