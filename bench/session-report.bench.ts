import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { testOrigin } from '../test/e2e/static-route'
import type { BenchResult } from './bench-result'
import { buildBenchSite } from './browser/bench-site'
import { benchPageUrl, buildBenchBundles, launchAppForBench } from './browser/launch-app-for-bench'
import type { RunnerSeedApi } from './browser/runner-seed.page'
import type { SessionReportSeedApi } from './session-report-seed.page'
import type { SessionReportBench, SessionReportFigure, SessionReportKind } from './session-report.page'
import { median } from './median'

const cases = 2_000
// Every kind runs this many times in one page, alternating; medians are compared.
const rounds = 15
// Saves of the report from the session page of the built app.
const appSaves = 5

type BenchWindow = Window & {
  readonly runSessionReportBench: SessionReportBench
  readonly runnerSeed: RunnerSeedApi
  readonly sessionReportSeed: SessionReportSeedApi
}

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
    const inApp = await saveInApp()
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
        {
          label: `in the app: Save report clicked to "Saved" (read, make, save through main; ${inApp.kib} KiB)`,
          ms: median(inApp.ms),
        },
      ],
      notes: [
        `medians of ${rounds} alternating rounds in one Chromium page after a warm-up; ratio per round: ${ratios(
          deflate,
        )
          .map((r) => `${r.toFixed(2)}×`)
          .join(', ')}`,
        `median of the per-round ratios: ${median(ratios(deflate)).toFixed(2)}× the deflated baseline, ${median(ratios(stored)).toFixed(2)}× the stored one`,
        `in the app: ${appSaves} saves from the session page of the built app (2,000 cases, every one decided through the repositories, a note on every third), each ${inApp.ms.map((ms) => Math.round(ms)).join(', ')} ms; the bytes cross the e2e test bridge, not Electron's IPC`,
        'both write two sheets (cover, results) with shared strings; the baseline gets the same rows as plain values (instants as Dates), so it has no frozen header and its dates follow the machine’s zone',
      ],
    }
  } finally {
    await site.remove()
  }
}

/** Seeds a decided 2,000-case session in the built app and times Save report from its page, click to "Saved". */
async function saveInApp(): Promise<{ ms: number[]; kib: number }> {
  const bundles = await buildBenchBundles({
    page: fileURLToPath(new URL('./session-report-seed.page.ts', import.meta.url)),
    initScript: fileURLToPath(new URL('./browser/runner-timing.init.ts', import.meta.url)),
  })
  const folder = await mkdtemp(join(tmpdir(), 'wwa-lab-bench-report-'))
  try {
    const app = await launchAppForBench(bundles)
    try {
      const { page } = app
      await page.goto(benchPageUrl)
      const seed = await page.evaluate((n) => (window as unknown as BenchWindow).runnerSeed.seedRunnerSession(n), cases)
      const decided = await page.evaluate(
        ([id, ids]) => (window as unknown as BenchWindow).sessionReportSeed.decideAll(id, ids),
        [seed.sessionId, seed.caseIds] as const,
      )
      if (decided !== cases) throw new Error(`${decided} results were stored, not ${cases}.`)
      await page.goto(`${testOrigin}/#/sessions/${encodeURIComponent(seed.sessionId)}`)
      const button = page.getByRole('button', { name: 'Save report' })
      await button.waitFor()
      const ms: number[] = []
      let bytes = 0
      for (let i = 0; i < appSaves; i += 1) {
        const path = join(folder, `report-${i}.xlsx`)
        app.dialogs.answerSave(path)
        const start = performance.now()
        await button.click()
        await page
          .getByRole('status')
          .filter({ hasText: `Saved report-${i}.xlsx (` })
          .waitFor({ timeout: 60_000 })
        ms.push(performance.now() - start)
        bytes = (await stat(path)).size
      }
      app.assertClean()
      return { ms, kib: Math.round(bytes / 1024) }
    } finally {
      await app.close()
    }
  } finally {
    await rm(folder, { recursive: true, force: true })
    await bundles.remove()
  }
}
