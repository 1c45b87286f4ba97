import { fileURLToPath } from 'node:url'
import type { BenchResult } from './bench-result'
import { buildBenchSite } from './browser/bench-site'
import type { SessionReportBench, SessionReportFigure, SessionReportKind } from './session-report.page'

const cases = 2_000
// Every kind runs this many times in one page, alternating; medians are compared.
const rounds = 15

type BenchWindow = Window & { readonly runSessionReportBench: SessionReportBench }

/**
 * The session report of a 2,000-case session (rows from plain data, dense
 * SheetJS sheets, shared strings, date cells, the frozen header edited in,
 * deflated by fflate) against bare SheetJS dense mode (aoa_to_sheet of the same
 * rows and write, with its own deflate) in the same Chromium page.
 */
export async function run(): Promise<BenchResult> {
  const site = await buildBenchSite(fileURLToPath(new URL('./session-report.page.ts', import.meta.url)))
  try {
    const bench = await site.open()
    let figures: readonly SessionReportFigure[]
    try {
      const outcome = await bench.page.evaluate(
        ([n, r]) => (window as unknown as BenchWindow).runSessionReportBench(n, r),
        [cases, rounds] as const,
      )
      // An xlsx is a zip: "PK\3\4".
      if (outcome.sample.join(',') !== '80,75,3,4') throw new Error('The report writer did not write a zip.')
      figures = outcome.figures
    } finally {
      await bench.close()
    }
    const of = (kind: SessionReportKind) => figures.filter((f) => f.kind === kind)
    const med = (kind: SessionReportKind) => median(of(kind).map((f) => f.ms))
    const size = (kind: SessionReportKind) => `${Math.round((of(kind)[0]?.bytes ?? 0) / 1024)} KiB`
    const report = of('report')
    const deflate = of('sheetjs-deflate')
    const stored = of('sheetjs-stored')
    const ratios = (base: readonly SessionReportFigure[]) => report.map((f, i) => f.ms / (base[i]?.ms ?? f.ms))
    if (med('report') >= 1000) console.warn(`session-report: ${Math.round(med('report'))} ms is over the 1 s budget.`)
    return {
      name: 'session-report',
      count: cases,
      items: 'cases',
      subject: { label: `session report (${size('report')})`, ms: med('report') },
      baseline: {
        label: `bare SheetJS dense aoa_to_sheet + write, deflated (${size('sheetjs-deflate')})`,
        ms: med('sheetjs-deflate'),
      },
      details: [
        { label: `bare SheetJS, stored, not deflated (${size('sheetjs-stored')})`, ms: med('sheetjs-stored') },
        { label: 'the report rows alone (sessionReportSheets)', ms: med('rows') },
      ],
      notes: [
        `medians of ${rounds} alternating rounds in one Chromium page after a warm-up; ratio per round: ${ratios(
          deflate,
        )
          .map((r) => `${r.toFixed(2)}×`)
          .join(', ')}`,
        `median of the per-round ratios: ${median(ratios(deflate)).toFixed(2)}× the deflated baseline, ${median(ratios(stored)).toFixed(2)}× the stored one`,
        'both write two sheets (cover, results) with shared strings; the baseline gets the same rows as plain values (instants as Dates), so it has no frozen header and its dates follow the machine’s zone',
      ],
    }
  } finally {
    await site.remove()
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}
