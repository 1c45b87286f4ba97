import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { read, type CellObject } from 'xlsx'
import type { AuditEntry } from '../../core/audit/audit-entry'
import { verdictLabels, type Result } from '../../core/model/result'
import type { SessionSummary } from '../../core/model/session'
import type { StoredFileMeta } from '../../core/model/stored-file'
import { seriousAxeViolations } from './axe'
import { readStore } from './pages/catalogue'
import { planRows } from './pages/plans'
import { seedRunningSession } from './pages/sessions'
import { perTest } from './per-test'

const made = perTest()

const hyperlink = '=HYPERLINK("http://x","y")'
/** The day serial a spreadsheet stores for an instant, counted in UTC. */
const serial = (iso: string) => Date.parse(iso) / 86_400_000 + 25_569

describe('the session report workbook', () => {
  it('is saved from the session page and matches the session cell by cell, the =HYPERLINK note as text', async () => {
    const files = await made.files()
    const app = await made.launch()
    const { page } = app
    const runner = await seedRunningSession(app, files, 5)

    const photo = await files.png('tc-001 led.png', { width: 320, height: 240, colour: { r: 20, g: 200, b: 40 } })
    await runner.caseList().focus()
    // Notes and evidence before the verdict: the verdict moves the runner on to the next case.
    await runner.keys('Enter')
    await page.keyboard.type(hyperlink)
    await runner.keys('Escape')
    await runner.attachPhoto(app, 'TC-001', photo)
    await runner.keys('p', 'Enter')
    await page.keyboard.type('-3 dB after @reset')
    await runner.keys('Escape', 'f', 'b')
    await expect
      .poll(async () => ((await readStore(page, 'results')) as Result[]).find((r) => r.caseId === 'TC-002')?.notes)
      .toBe('-3 dB after @reset')
    await expect
      .poll(async () => ((await readStore(page, 'results')) as Result[]).find((r) => r.caseId === 'TC-003')?.verdict)
      .toBe('blocked')

    const target = join(files.dir, 'report.xlsx')
    app.dialogs.answerSave(target)
    const save = page.getByRole('button', { name: 'Save report' })
    await save.click()
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved report\.xlsx \(/ })
      .waitFor()
    expect(await seriousAxeViolations(page)).toEqual([])

    const [session] = (await readStore(page, 'sessions')) as SessionSummary[]
    if (!session) throw new Error('no session stored')
    const results = (await readStore(page, 'results')) as Result[]
    const metas = (await readStore(page, 'files')) as StoredFileMeta[]
    const audit = (await readStore(page, 'audit')) as AuditEntry[]
    const head = audit.reduce((a, b) => (b.seq > a.seq ? b : a))

    const wb = read(await readFile(target), { dense: true, cellNF: true, cellFormula: true })
    expect(wb.SheetNames).toEqual(['Cover', 'Results'])
    const sheet = (name: string): CellObject[][] => wb.Sheets[name]?.['!data'] ?? []
    // Every cell as its type and value: text 's', booleans 'b', numbers 'n' (dates with their format), empty cells absent.
    const typed = (cell: CellObject | undefined) =>
      cell === undefined
        ? null
        : { t: cell.t, v: cell.v, ...(cell.z === undefined || cell.z === 'General' ? {} : { z: cell.z }), f: cell.f }
    const text = (v: string) => (v === '' ? null : { t: 's', v, f: undefined })
    const date = (iso: string | null) =>
      iso === null ? null : { t: 'n', v: serial(iso), z: 'yyyy-mm-dd hh:mm:ss', f: undefined }
    const num = (v: number) => ({ t: 'n', v, f: undefined })

    const expectedResults = planRows(5).map(([caseId, title, category, , , required]) => {
      const result = results.find((r) => r.caseId === caseId)
      const evidence = (result?.evidenceIds ?? []).map((id) => metas.find((m) => m.id === id))
      return [
        text(caseId),
        text(title),
        text(category),
        { t: 'b', v: required === 'yes', f: undefined },
        text(verdictLabels[result?.verdict ?? 'untested']),
        text(result?.notes ?? ''),
        text(evidence.map((m) => m?.name).join('\n')),
        text(evidence.map((m) => m?.sha256).join('\n')),
        text(result ? 'Jo Doe' : ''),
        date(result?.updatedAt ?? null),
      ]
    })
    const header = [
      'Case ID',
      'Title',
      'Category',
      'Required',
      'Verdict',
      'Notes',
      'Evidence files',
      'Evidence SHA-256',
      'Who',
      'When (UTC)',
    ]
    const gotResults = sheet('Results').map((row) => header.map((_, c) => typed(row[c])))
    expect(gotResults[0]).toEqual(header.map(text))
    expect(gotResults.slice(1)).toHaveLength(5)
    gotResults.slice(1).forEach((row, i) => {
      const expected = expectedResults[i] ?? []
      row.forEach((cell, c) => {
        const want: { t?: string; v?: unknown; z?: string } | null | undefined = expected[c]
        if (cell !== null && cell.t === 'n' && want?.t === 'n') {
          expect(cell.v as number, `results row ${i + 2} column ${header[c]}`).toBeCloseTo(want.v as number, 8)
          expect(cell.z, `results row ${i + 2} column ${header[c]}`).toBe(want.z)
        } else {
          expect(cell, `results row ${i + 2} column ${header[c]}`).toEqual(expected[c])
        }
      })
    })
    // The note that would be a link in a formula is a string cell with no formula, exactly as typed.
    expect(sheet('Results')[1]?.[5]).toMatchObject({ t: 's', v: hyperlink })
    expect(sheet('Results')[1]?.[5]?.f).toBeUndefined()
    expect(sheet('Results')[1]?.[7]?.v).toMatch(/^[0-9a-f]{64}$/)
    expect(wb.Sheets['Results']?.['!autofilter']).toEqual({ ref: 'A1:J6' })

    const cover = new Map(sheet('Cover').map((row) => [row[0]?.v, typed(row[1])]))
    expect(Object.fromEntries(cover)).toEqual({
      Field: text('Value'),
      Lab: text('North Bench Lab'),
      Product: text('Acme AC-100'),
      'Product name': text('Acme Smart Plug'),
      'Unit serial number': text('SN-0001'),
      'Unit firmware': text('1.2.3'),
      'Unit hardware revision': text('B'),
      'Test plan': text(session.plan.name),
      'Plan version': num(1),
      Cases: num(5),
      Tester: text('Jo Doe'),
      Region: text('North America'),
      Marketplaces: text(session.marketplaces.join(', ')),
      'Started (UTC)': expect.objectContaining({ t: 'n', z: 'yyyy-mm-dd hh:mm:ss' }),
      'Completed (UTC)': null,
      State: text('Running'),
      Outcome: text('None yet (running)'),
      'Completed by': null,
      'Why it ended early': null,
      'Cases untested': num(2),
      'Cases passed': num(1),
      'Cases failed': num(1),
      'Cases blocked': num(1),
      'Cases retest': num(0),
      'Cases not applicable': num(0),
      'Audit trail head at export: entry': num(head.seq),
      'Audit trail head at export: SHA-256': text(head.hash),
      'Exported (UTC)': expect.objectContaining({ t: 'n', z: 'yyyy-mm-dd hh:mm:ss' }),
      'Exported by': text('Jo Doe'),
    })
    expect(cover.get('Started (UTC)')?.v as number).toBeCloseTo(serial(session.startedAt ?? ''), 8)

    // The header row of the results stays in view: a frozen pane below row 1.
    const xml = strFromU8(
      unzipSync(new Uint8Array(await readFile(target)))['xl/worksheets/sheet2.xml'] ?? new Uint8Array(),
    )
    expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>')
    expect(xml).not.toContain('<f>')
    app.assertClean()
  })
})
