import { describe, expect, test } from 'vitest'
import { checkColumnCap, columnCapRefusal } from '../../../../core/import/column-cap'
import { planImportLimits } from '../../../../core/import/limits'
import { readTable } from '../../../../core/import/read-table'
import { utf8, xlsxBytes } from './plan-files'

const wideRow = (columns: number) => Array.from({ length: columns }, (_, index) => `c${index + 1}`)

describe('the column cap', () => {
  test('is 200 unless the lab changes it', () => {
    expect(planImportLimits.maxColumns).toBe(200)
  })

  test('a CSV with 100,000 columns in one row is refused, naming the count, the cap and the setting', () => {
    const text = `Case ID,Title\r\nTC-1,Turn on\r\n${wideRow(100_000).join(',')}\r\n`
    const startedAt = performance.now()
    const read = readTable({ name: 'wide.csv', bytes: utf8(text) })
    expect(read).toEqual({
      ok: false,
      message:
        'wide.csv has 100,000 columns; WWA Lab reads at most 200 (Settings → Plan import → Most columns in a plan file). Remove the columns that are not part of the plan, or raise the limit in Settings.',
    })
    expect(performance.now() - startedAt).toBeLessThan(2000)
  })

  test('exactly the cap is read; one more is refused; empty cells at the right end do not count', () => {
    const at = readTable({ name: 'a.csv', bytes: utf8(`${wideRow(200).join(',')}\nTC-1,x\n`) })
    expect(at.ok && at.headers).toHaveLength(200)
    const over = readTable({ name: 'a.csv', bytes: utf8(`${wideRow(201).join(',')}\nTC-1,x\n`) })
    expect(over.ok ? null : over.message).toMatch(/^a\.csv has 201 columns; WWA Lab reads at most 200/)
    const padded = readTable({ name: 'a.csv', bytes: utf8(`ID,Title${','.repeat(5000)}\nTC-1,x\n`) })
    expect(padded.ok && padded.headers).toEqual(['ID', 'Title'])
  })

  test('the lab’s own cap applies', () => {
    const text = `${wideRow(10).join(',')}\nTC-1,x\n`
    const read = readTable({ name: 'a.csv', bytes: utf8(text) }, { ...planImportLimits, maxColumns: 6 })
    expect(read.ok ? null : read.message).toMatch(/^a\.csv has 10 columns; WWA Lab reads at most 6 \(/)
  })

  test('a JSON plan with more keys than the cap is refused before its rows are built', () => {
    // 5,000 small cases, each with a key of its own: rows for them all would be 5,000 × 5,002 = 25 million cells.
    const cases = Array.from({ length: 5000 }, (_, index) => ({ caseId: `TC-${index}`, title: 'x', [`k${index}`]: 1 }))
    const startedAt = performance.now()
    const read = readTable({ name: 'wide.json', bytes: utf8(JSON.stringify(cases)) })
    expect(read.ok ? null : read.message).toMatch(/^wide\.json has 5,002 columns; WWA Lab reads at most 200 \(/)
    expect(performance.now() - startedAt).toBeLessThan(2000)
  })

  test('an xlsx sheet wider than the cap is refused', () => {
    const bytes = xlsxBytes({ Plan: [wideRow(300), ['TC-1', 'x']] })
    const read = readTable({ name: 'wide.xlsx', bytes })
    expect(read.ok ? null : read.message).toMatch(/^wide\.xlsx has 300 columns; WWA Lab reads at most 200 \(/)
  })

  test('checkColumnCap takes a whole number from 2 to 16,384 and says what is wrong otherwise', () => {
    expect(checkColumnCap(' 1,000 ')).toEqual({ ok: true, value: 1000 })
    expect(checkColumnCap('2')).toEqual({ ok: true, value: 2 })
    expect(checkColumnCap('16384')).toEqual({ ok: true, value: 16384 })
    expect(checkColumnCap('')).toEqual({
      ok: false,
      message: 'Enter the most columns a plan file may have, from 2 to 16,384.',
    })
    expect(checkColumnCap('1')).toEqual({
      ok: false,
      message: '1 is outside the range: enter a number from 2 to 16,384.',
    })
    expect(checkColumnCap('16385').ok).toBe(false)
    expect(checkColumnCap('12.5')).toEqual({ ok: false, message: 'Enter a whole number of columns, from 2 to 16,384.' })
    expect(checkColumnCap('-3').ok).toBe(false)
    expect(checkColumnCap('1e3').ok).toBe(false)
    expect(columnCapRefusal('a.csv', 200, 200)).toBeUndefined()
  })
})
