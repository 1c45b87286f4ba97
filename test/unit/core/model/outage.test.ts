import { describe, expect, it } from 'vitest'
import { Outage } from '../../../../core/model/outage'

const outage = (over: Record<string, unknown> = {}) => ({
  region: 'EU',
  start: '2026-07-01T10:00:00+02:00',
  end: '2026-07-01T10:30:00+02:00',
  cause: 'Cloud endpoint down',
  excluded: false,
  ...over,
})

describe('an outage', () => {
  it('keeps its instants in UTC, an offset read as the same instant', () => {
    expect(Outage.parse(outage())).toMatchObject({ start: '2026-07-01T08:00:00.000Z', end: '2026-07-01T08:30:00.000Z' })
    expect(Outage.parse(outage({ end: null })).end).toBeNull()
  })

  it('refuses a time without a zone, an end at or before its start, and an unknown region, saying what to write', () => {
    const problem = (over: Record<string, unknown>) => Outage.safeParse(outage(over)).error?.issues[0]?.message
    expect(problem({ start: '2026-07-01T10:00:00' })).toMatch(/with its zone, e\.g\. 2026-07-01T08:00:00Z/)
    expect(problem({ end: '2026-07-01T08:00:00Z' })).toMatch(/must end after it starts/)
    expect(problem({ end: '2026-07-01T07:59:00Z' })).toMatch(/must end after it starts/)
    expect(Outage.safeParse(outage({ region: 'SA' })).success).toBe(false)
  })
})
