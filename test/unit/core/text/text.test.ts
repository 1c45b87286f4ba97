import { describe, expect, it } from 'vitest'
import { clip } from '../../../../core/text/clip'
import { labDates } from '../../../../core/text/dates'
import { listInWords } from '../../../../core/text/list'
import { countOf } from '../../../../core/text/plural'

describe('small words', () => {
  it('lists items in a sentence, counting what is past the limit', () => {
    expect(listInWords([])).toBe('')
    expect(listInWords(['TC-1'])).toBe('TC-1')
    expect(listInWords(['TC-1', 'TC-2'])).toBe('TC-1 and TC-2')
    expect(listInWords(['A', 'B', 'C'])).toBe('A, B and C')
    expect(listInWords(['A', 'B', 'C', 'D', 'E'], { max: 3 })).toBe('A, B, C and 2 more')
    expect(listInWords(['"-"', '"/"', 'spaces', '"#"'], { max: 3, more: () => 'other symbols' })).toBe(
      '"-", "/", spaces and other symbols',
    )
  })

  it('clips long text with an ellipsis, and leaves short text alone', () => {
    expect(clip('abcdef', 6)).toBe('abcdef')
    expect(clip('abcdefg', 6)).toBe('abcdef…')
  })

  it('counts with the noun and thousands separators', () => {
    expect(countOf(1, 'case')).toBe('1 case')
    expect(countOf(2000, 'case')).toBe('2,000 cases')
    expect(countOf(0, 'entry', 'entries')).toBe('0 entries')
  })
})

describe('lab dates', () => {
  it('writes days and instants in one locale, as its date fields do', () => {
    const us = labDates('en-US', 'America/Los_Angeles')
    expect(us.day('2026-12-01T07:30:00.000Z')).toBe('11/30/2026')
    expect(us.calendarDate('2026-12-01')).toBe('12/01/2026')
    expect(us.dateTime('2026-12-01T17:44:00.000Z')).toMatch(/^12\/01\/2026, 9:44\sAM$/)
    const de = labDates('de-DE', 'Europe/Berlin')
    expect(de.calendarDate('2026-12-01')).toBe('01.12.2026')
    expect(de.day('2026-12-01T23:30:00.000Z')).toBe('02.12.2026')
  })

  it('gives the day an instant fell on where the lab is, as YYYY-MM-DD', () => {
    expect(labDates('en-US', 'America/Los_Angeles').isoDay('2026-12-01T07:30:00.000Z')).toBe('2026-11-30')
    expect(labDates('de-DE', 'Asia/Tokyo').isoDay(new Date('2026-12-01T20:00:00.000Z'))).toBe('2026-12-02')
    expect(labDates('en-GB', 'UTC').isoDay('2024-02-29T12:00:00.000Z')).toBe('2024-02-29')
  })

  it('never moves a calendar date by a day, whatever the zone', () => {
    expect(labDates('en-US', 'Pacific/Kiritimati').calendarDate('2026-01-01')).toBe('01/01/2026')
    expect(labDates('en-US', 'Pacific/Pago_Pago').calendarDate('2026-01-01')).toBe('01/01/2026')
  })

  it('leaves text that is not a date as it is', () => {
    expect(labDates('en-US').calendarDate('soon')).toBe('soon')
    expect(labDates('en-US').day('')).toBe('')
  })
})

describe('lab dates in the machine zone', () => {
  it('gives the same day as the formatter would, without one', () => {
    const here = labDates('en-US')
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone
    const there = labDates('en-US', zone)
    for (const instant of [
      '2026-12-01T00:30:00.000Z',
      '2026-12-01T23:30:00.000Z',
      '2024-02-29T12:00:00.000Z',
      '2026-03-29T01:30:00.000Z',
    ]) {
      expect(here.isoDay(instant)).toBe(there.isoDay(instant))
    }
  })
})
