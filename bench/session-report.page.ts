// Runs in Chromium, bundled by vite: the app's session report writer, timed against bare SheetJS.
import { utils, write } from 'xlsx'
import { sessionReportSheets, type SessionReportInput } from '../core/export/session-report'
import { isInstant, type SheetCell, type SheetRows } from '../core/export/sheet'
import { workbookBytes } from '../core/export/xlsx-workbook'
import type { Result, Verdict } from '../core/model/result'
import type { Session } from '../core/model/session'

export type SessionReportKind = 'report' | 'rows' | 'sheetjs-deflate' | 'sheetjs-stored'
export type SessionReportFigure = { readonly kind: SessionReportKind; readonly ms: number; readonly bytes: number }
export type SessionReportBench = (
  cases: number,
  rounds: number,
) => Promise<{ readonly figures: readonly SessionReportFigure[]; readonly sample: number[] }>

const verdictCycle: readonly Verdict[] = ['passed', 'passed', 'passed', 'failed', 'blocked', 'not-applicable', 'retest']

/** A session of `cases` cases as a lab's looks: most decided, a third with notes, a quarter with evidence. */
function makeInput(cases: number): SessionReportInput {
  const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute)).toISOString()
  const planCases = Array.from({ length: cases }, (_, i) => ({
    caseId: `TC-${String(i + 1).padStart(4, '0')}`,
    title: `Case ${i + 1}: turn the plug on by voice and check the state in the app`,
    category: i % 2 === 0 ? 'Alexa.PowerController' : 'Discovery',
    steps: 'Say "Alexa, turn on the plug".',
    expected: 'The plug turns on within 2 s.',
    required: i % 5 !== 4,
  }))
  const session: Session = {
    id: 'session-bench',
    productId: 'product-bench',
    unitId: 'unit-bench',
    unitAsTested: { serialNumber: 'SN-0001', firmware: '1.2.3', hardwareRevision: 'B' },
    plan: { planId: 'plan-bench', versionId: 'version-bench', name: 'Smart plug plan', version: 3, cases: planCases },
    testerId: 'person-0',
    testerName: 'Jo Doe',
    region: 'NA',
    marketplaces: ['US', 'CA'],
    state: 'completed',
    outcome: 'failed',
    startedAt: at(0),
    completedAt: at(cases),
    createdAt: at(0),
    updatedAt: at(cases),
  }
  const evidence = new Map<string, { name: string; sha256: string }>()
  const results: Result[] = planCases.map((c, i) => {
    const evidenceIds = i % 4 === 0 ? [`file-${i}-a`, ...(i % 8 === 0 ? [`file-${i}-b`] : [])] : []
    for (const id of evidenceIds) {
      evidence.set(id, {
        name: `${c.caseId.toLowerCase()} ${id.endsWith('a') ? 'led.jpg' : 'log.txt'}`,
        sha256: (i.toString(16) + 'f'.repeat(64)).slice(0, 64),
      })
    }
    return {
      sessionId: session.id,
      caseId: c.caseId,
      verdict: verdictCycle[i % verdictCycle.length] ?? 'passed',
      notes:
        i % 3 === 0
          ? i % 9 === 0
            ? '=HYPERLINK("http://x","y")'
            : 'LED stays red for 3 s after the command; retried twice, same.'
          : '',
      evidenceIds,
      updatedAt: at(i),
      updatedBy: `person-${i % 3}`,
    }
  })
  return {
    labName: 'North Bench Lab',
    product: { brand: 'Acme', modelNumber: 'AC-100', name: 'Acme Smart Plug' },
    session,
    results,
    evidence,
    people: new Map([
      ['person-0', 'Jo Doe'],
      ['person-1', 'Sam Lee'],
      ['person-2', 'Ana Ruiz'],
    ]),
    auditHead: { seq: 41_000, hash: 'c3'.repeat(32) },
    exportedAt: at(cases + 5),
    exportedBy: 'Jo Doe',
  }
}

/** The same rows as plain values for SheetJS's own aoa_to_sheet: instants as Dates, empty cells as null. */
const plainRows = (sheet: SheetRows): unknown[][] => [
  [...sheet.header],
  ...sheet.rows.map((row) => row.map((cell: SheetCell) => (isInstant(cell) ? new Date(cell.instant) : cell))),
]

function bare(sheets: readonly SheetRows[], compression: boolean): Uint8Array {
  const wb = utils.book_new()
  for (const sheet of sheets) {
    utils.book_append_sheet(wb, utils.aoa_to_sheet(plainRows(sheet), { dense: true, cellDates: true }), sheet.name)
  }
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx', bookSST: true, compression }) as ArrayBuffer)
}

function timed(work: () => number): { ms: number; bytes: number } {
  const start = performance.now()
  const bytes = work()
  return { ms: performance.now() - start, bytes }
}

const runSessionReportBench: SessionReportBench = async (cases, rounds) => {
  const input = makeInput(cases)
  const sheets = sessionReportSheets(input)
  const figures: SessionReportFigure[] = []
  const once = (kind: SessionReportKind) => {
    const figure = timed(() => {
      switch (kind) {
        case 'report':
          return workbookBytes(sessionReportSheets(input)).byteLength
        case 'rows':
          return sessionReportSheets(input)[1].rows.length
        case 'sheetjs-deflate':
          return bare(sheets, true).byteLength
        case 'sheetjs-stored':
          return bare(sheets, false).byteLength
      }
    })
    figures.push({ kind, ...figure })
  }
  // Warm-up: the first run of each path compiles it.
  for (const kind of ['report', 'sheetjs-deflate', 'sheetjs-stored'] as const) timed(() => (once(kind), 0))
  figures.length = 0
  for (let round = 0; round < rounds; round += 1) {
    // Alternating, and in turn first, so neither side always runs on a warmer heap.
    const order: SessionReportKind[] =
      round % 2 === 0
        ? ['report', 'sheetjs-deflate', 'sheetjs-stored', 'rows']
        : ['sheetjs-stored', 'sheetjs-deflate', 'rows', 'report']
    for (const kind of order) once(kind)
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  return { figures, sample: [...workbookBytes(sheets).slice(0, 4)] }
}

;(window as unknown as { runSessionReportBench: SessionReportBench }).runSessionReportBench = runSessionReportBench
