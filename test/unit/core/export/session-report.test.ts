import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { read, type CellObject } from 'xlsx'
import {
  resultsHeader,
  sessionReportFileName,
  sessionReportSheets,
  type SessionReportInput,
} from '../../../../core/export/session-report'
import { cellOf, dateTimeFormat, excelSerial, maxCellText, workbookBytes } from '../../../../core/export/xlsx-workbook'
import type { Result } from '../../../../core/model/result'
import type { Session } from '../../../../core/model/session'

const hashA = 'a1'.repeat(32)
const hashB = 'b2'.repeat(32)

const session: Session = {
  id: 'session-1',
  productId: 'product-1',
  unitId: 'unit-1',
  unitAsTested: { serialNumber: 'SN-0001', firmware: '1.2.3', hardwareRevision: 'B' },
  plan: {
    planId: 'plan-1',
    versionId: 'version-2',
    name: 'Smart plug plan',
    version: 2,
    cases: [
      { caseId: 'TC-001', title: 'Discovery', category: 'Setup', steps: '', expected: '', required: true },
      { caseId: 'TC-002', title: '+48 h soak', category: '', steps: '', expected: '', required: false },
      { caseId: 'TC-003', title: 'Power on', category: 'Power', steps: '', expected: '', required: true },
    ],
  },
  testerId: 'person-jo',
  testerName: 'Jo Doe',
  region: 'NA',
  marketplaces: ['US', 'CA'],
  state: 'completed',
  outcome: 'failed',
  startedAt: '2026-12-01T09:00:00.000Z',
  completedAt: '2026-12-01T17:30:15.000Z',
  createdAt: '2026-12-01T08:59:00.000Z',
  updatedAt: '2026-12-01T17:30:15.000Z',
}

const result = (caseId: string, change: Partial<Result>): Result => ({
  sessionId: session.id,
  caseId,
  verdict: 'untested',
  notes: '',
  evidenceIds: [],
  updatedAt: '2026-12-01T09:00:00.000Z',
  updatedBy: 'person-jo',
  ...change,
})

const input = (change: Partial<SessionReportInput> = {}): SessionReportInput => ({
  labName: 'North Bench Lab',
  product: { brand: 'Acme', modelNumber: 'AC-100', name: 'Acme Smart Plug' },
  session,
  results: [
    result('TC-001', {
      verdict: 'passed',
      notes: '=HYPERLINK("http://x","y")',
      evidenceIds: ['file-a', 'file-b'],
      updatedAt: '2026-12-01T10:15:30.000Z',
      updatedBy: 'person-sam',
    }),
    result('TC-003', { verdict: 'failed', notes: '\tLED red\r\nafter reset', updatedAt: '2026-12-01T11:00:00.000Z' }),
  ],
  evidence: new Map([
    ['file-a', { name: 'tc-001 led.png', sha256: hashA }],
    ['file-b', { name: 'discovery.log', sha256: hashB }],
  ]),
  people: new Map([
    ['person-jo', 'Jo Doe'],
    ['person-sam', 'Sam Lee'],
  ]),
  auditHead: { seq: 42, hash: 'c3'.repeat(32) },
  exportedAt: '2026-12-02T08:00:00.000Z',
  exportedBy: 'Sam Lee',
  ...change,
})

const coverValue = (rows: readonly (readonly unknown[])[], field: string) => rows.find((row) => row[0] === field)?.[1]

describe('session report rows', () => {
  it('has one results row per case of the plan, in its order, with untested cases that have no result', () => {
    const [, results] = sessionReportSheets(input())
    expect(results.header).toEqual(resultsHeader)
    expect(results.rows.map((row) => row[0])).toEqual(['TC-001', 'TC-002', 'TC-003'])
    expect(results.rows[1]).toEqual(['TC-002', '+48 h soak', '', false, 'Untested', '', '', '', '', null])
  })

  it('names evidence files with their SHA-256 in the same order, and who by name, not id', () => {
    const [, results] = sessionReportSheets(input())
    const first = results.rows[0] ?? []
    expect(first[6]).toBe('tc-001 led.png\ndiscovery.log')
    expect(first[7]).toBe(`${hashA}\n${hashB}`)
    expect(first[8]).toBe('Sam Lee')
    expect(first[9]).toEqual({ instant: '2026-12-01T10:15:30.000Z' })
  })

  it('says so when a result names a person or a file the lab no longer has', () => {
    const [, results] = sessionReportSheets(
      input({
        people: new Map([['person-jo', 'Jo Doe']]),
        evidence: new Map([['file-a', { name: 'a.png', sha256: hashA }]]),
      }),
    )
    const first = results.rows[0] ?? []
    expect(first[8]).toBe('Unknown person (id person-sam)')
    expect(first[6]).toBe('a.png\nMissing file (id file-b)')
  })

  it('puts lab, product, unit as tested, plan, scope, dates, outcome and the audit head on the cover', () => {
    const [cover] = sessionReportSheets(input())
    expect(coverValue(cover.rows, 'Lab')).toBe('North Bench Lab')
    expect(coverValue(cover.rows, 'Product')).toBe('Acme AC-100')
    expect(coverValue(cover.rows, 'Product name')).toBe('Acme Smart Plug')
    expect(coverValue(cover.rows, 'Unit serial number')).toBe('SN-0001')
    expect(coverValue(cover.rows, 'Unit firmware')).toBe('1.2.3')
    expect(coverValue(cover.rows, 'Plan version')).toBe(2)
    expect(coverValue(cover.rows, 'Region')).toBe('North America')
    expect(coverValue(cover.rows, 'Marketplaces')).toBe('US, CA')
    expect(coverValue(cover.rows, 'Completed (UTC)')).toEqual({ instant: '2026-12-01T17:30:15.000Z' })
    expect(coverValue(cover.rows, 'Outcome')).toBe('Failed')
    expect(coverValue(cover.rows, 'Why it ended early')).toBeNull()
    expect(coverValue(cover.rows, 'Cases failed')).toBe(1)
    expect(coverValue(cover.rows, 'Cases untested')).toBe(1)
    expect(coverValue(cover.rows, 'Audit trail head at export: entry')).toBe(42)
    expect(coverValue(cover.rows, 'Audit trail head at export: SHA-256')).toBe('c3'.repeat(32))
  })

  it('says who closed a session early, and why', () => {
    const closed = {
      ...session,
      outcome: 'incomplete' as const,
      completedBy: { id: 'person-jo', name: 'Jo Doe' },
      closeReason: 'Hub firmware withdrawn',
    }
    const [cover] = sessionReportSheets(input({ session: closed }))
    expect(coverValue(cover.rows, 'Outcome')).toBe('Incomplete')
    expect(coverValue(cover.rows, 'Completed by')).toBe('Jo Doe')
    expect(coverValue(cover.rows, 'Why it ended early')).toBe('Hub firmware withdrawn')
  })

  it('says a running session has no outcome yet', () => {
    const [cover] = sessionReportSheets(
      input({ session: { ...session, state: 'running', outcome: null, completedAt: null } }),
    )
    expect(coverValue(cover.rows, 'Outcome')).toBe('None yet (running)')
    expect(coverValue(cover.rows, 'Completed (UTC)')).toBeNull()
  })

  it('suggests a file name with the model, plan, version and date, without characters a file system refuses', () => {
    expect(sessionReportFileName(input())).toBe('AC-100 Smart plug plan v2 session report 2026-12-02.xlsx')
    const odd = input({ session: { ...session, plan: { ...session.plan, name: 'EU/UK: "full"' } } })
    expect(sessionReportFileName(odd)).toBe('AC-100 EU UK full v2 session report 2026-12-02.xlsx')
  })
})

describe('session report workbook', () => {
  const readBack = (bytes: Uint8Array) => read(bytes, { dense: true, cellNF: true, cellFormula: true })
  const cell = (sheet: CellObject[][] | undefined, r: number, c: number) => sheet?.[r]?.[c]

  it('writes every text that looks like a formula as a string cell without a formula', () => {
    const risky = ['=HYPERLINK("http://x","y")', '+1+2', '-3', '@SUM(A1)', '\tTab first', '\rReturn first']
    for (const text of risky) expect(cellOf(text)).toEqual({ t: 's', v: text })
    const [cover, results] = sessionReportSheets(input())
    const rows = results.rows.map((row, i) => (i === 0 ? row.map((v, c) => (c === 5 ? risky.join(' | ') : v)) : row))
    const extra = risky.map((text, i) => [`X-${i}`, text, text, true, 'Passed', text, text, '', text, null])
    const wb = readBack(workbookBytes([cover, { ...results, rows: [...rows, ...extra] }]))
    const data = wb.Sheets['Results']?.['!data']
    for (let i = 0; i < risky.length; i++) {
      for (const c of [1, 2, 5, 6, 8]) {
        const got = cell(data, 4 + i, c)
        expect(got?.t).toBe('s')
        expect(got?.f).toBeUndefined()
        expect(got?.v).toBe(risky[i])
      }
    }
    expect(cell(data, 1, 5)?.v).toBe(risky.join(' | '))
    // No formula anywhere in the sheet's XML.
    const xml = strFromU8(unzipSync(workbookBytes([cover, results]))['xl/worksheets/sheet2.xml'] ?? new Uint8Array())
    expect(xml).not.toContain('<f>')
  })

  it('cuts text longer than a cell holds and says so, instead of refusing the workbook', () => {
    const long = 'x'.repeat(40_000)
    const made = cellOf(long)
    expect(String(made?.v)).toHaveLength(maxCellText)
    expect(String(made?.v)).toMatch(/^x+… \(cut here: a cell holds at most 32,767 characters\)$/)
    expect(cellOf('y'.repeat(maxCellText))?.v).toBe('y'.repeat(maxCellText))
  })

  it('writes instants as date cells in UTC, with a date format, and booleans and numbers with their types', () => {
    const wb = readBack(workbookBytes(sessionReportSheets(input())))
    const results = wb.Sheets['Results']?.['!data']
    const when = cell(results, 1, 9)
    expect(when?.t).toBe('n')
    expect(when?.z).toBe(dateTimeFormat)
    expect(when?.v).toBeCloseTo(excelSerial('2026-12-01T10:15:30.000Z'), 8)
    expect(when?.w).toBe('2026-12-01 10:15:30')
    expect(cell(results, 1, 3)).toMatchObject({ t: 'b', v: true })
    expect(cell(results, 2, 3)).toMatchObject({ t: 'b', v: false })
    expect(cell(results, 2, 9)).toBeUndefined()
    const cover = wb.Sheets['Cover']?.['!data']
    const row = (field: string) => cover?.find((r) => r[0]?.v === field)
    expect(row('Plan version')?.[1]).toMatchObject({ t: 'n', v: 2 })
    expect(row('Started (UTC)')?.[1]?.w).toBe('2026-12-01 09:00:00')
  })

  it('freezes the results header row and filters it; the cover has neither', () => {
    const bytes = workbookBytes(sessionReportSheets(input()))
    const wb = readBack(bytes)
    expect(wb.SheetNames).toEqual(['Cover', 'Results'])
    expect(wb.Sheets['Results']?.['!autofilter']).toEqual({ ref: 'A1:J4' })
    expect(wb.Sheets['Cover']?.['!autofilter']).toBeUndefined()
    const parts = unzipSync(bytes)
    const sheet = (n: number) => strFromU8(parts[`xl/worksheets/sheet${n}.xml`] ?? new Uint8Array())
    expect(sheet(2)).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>')
    expect(sheet(1)).not.toContain('<pane')
  })

  it('round-trips 2,000 cases with evidence names and hashes', () => {
    const cases = Array.from({ length: 2000 }, (_, i) => ({
      caseId: `TC-${String(i + 1).padStart(4, '0')}`,
      title: `Case ${i + 1}`,
      category: '',
      steps: '',
      expected: '',
      required: i % 5 !== 0,
    }))
    const big = input({
      session: { ...session, plan: { ...session.plan, cases } },
      results: cases.map((c, i) => result(c.caseId, { verdict: 'passed', evidenceIds: i % 2 ? ['file-a'] : [] })),
    })
    const data = readBack(workbookBytes(sessionReportSheets(big))).Sheets['Results']?.['!data']
    expect(data).toHaveLength(2001)
    expect(cell(data, 2000, 0)?.v).toBe('TC-2000')
    expect(cell(data, 2000, 7)?.v).toBe(hashA)
    expect(cell(data, 1999, 7)).toBeUndefined()
  })
})
