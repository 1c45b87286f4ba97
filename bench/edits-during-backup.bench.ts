import { fileURLToPath } from 'node:url'
import { loadavg } from 'node:os'
import type { BenchResult } from './bench-result'
import type { EditsDuringBackupApi } from './browser/edits-during-backup.page'
import { benchPageUrl, buildBenchBundles, launchAppForBench } from './browser/launch-app-for-bench'
import { readBenchScale } from './backup-plan'
import { median } from './median'

// Five years of a busy lab hold about 1.5 million results and as many audit entries; at scale 1 this is a fifth of it.
const resultsAtScale1 = 300_000
const rounds = 2

type BenchWindow = Window & { readonly editsDuringBackup: EditsDuringBackupApi }

const longest = (values: readonly number[]) => Math.max(0, ...values)
const percentile = (values: readonly number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? 0

/**
 * A daily backup of a records-heavy lab (WWA_LAB_BENCH_SCALE × 300,000
 * results and as many audit entries) while a tester changes a verdict every
 * 100 ms: the longest wait of one edit with the change watch (records read in
 * short transactions, the rows written meanwhile settled at the end), against
 * the same backup read in one transaction, alternating in one run.
 */
export async function run(): Promise<BenchResult> {
  const results = Math.round(resultsAtScale1 * readBenchScale())
  const bundles = await buildBenchBundles({
    page: fileURLToPath(new URL('./browser/edits-during-backup.page.ts', import.meta.url)),
  })
  const app = await launchAppForBench(bundles)
  try {
    const { page } = app
    await page.goto(benchPageUrl)
    await page.waitForFunction(() => 'editsDuringBackup' in globalThis)
    console.log(`edits-during-backup: seeding ${results.toLocaleString('en-US')} results and audit entries`)
    await page.evaluate((n) => (window as unknown as BenchWindow).editsDuringBackup.seed(n), results)
    const idle = await page.evaluate(() => (window as unknown as BenchWindow).editsDuringBackup.idleEdits(20))
    const watched: { ms: number; edits: readonly number[] }[] = []
    const oneTransaction: { ms: number; edits: readonly number[] }[] = []
    for (let round = 0; round < rounds; round += 1) {
      for (const watch of [true, false]) {
        const figure = await page.evaluate((w) => (window as unknown as BenchWindow).editsDuringBackup.backUp(w), watch)
        ;(watch ? watched : oneTransaction).push(figure)
        console.log(
          `edits-during-backup: ${watch ? 'change watch' : 'one transaction'}: backup ${Math.round(figure.ms)} ms, ` +
            `${figure.edits.length} edits, longest ${longest(figure.edits).toFixed(0)} ms; load ${loadavg()[0]?.toFixed(2)}`,
        )
      }
    }
    app.assertClean()
    const allWatched = watched.flatMap((f) => f.edits)
    const allOne = oneTransaction.flatMap((f) => f.edits)
    return {
      name: 'edits-during-backup',
      count: results * 2,
      items: 'records',
      subject: { label: 'longest edit wait, change watch', ms: median(watched.map((f) => longest(f.edits))) },
      baseline: {
        label: 'longest edit wait, records read in one transaction',
        ms: median(oneTransaction.map((f) => longest(f.edits))),
      },
      details: [
        { label: 'edit wait, 95th percentile, change watch', ms: percentile(allWatched, 0.95) },
        { label: 'edit wait, 95th percentile, one transaction', ms: percentile(allOne, 0.95) },
        { label: 'edit wait, median, change watch', ms: percentile(allWatched, 0.5) },
        { label: 'the same edit, idle (median of 20)', ms: percentile(idle, 0.5) },
        { label: 'backup, change watch (median)', ms: median(watched.map((f) => f.ms)) },
        { label: 'backup, one transaction (median)', ms: median(oneTransaction.map((f) => f.ms)) },
      ],
      notes: [
        `${rounds} alternating rounds of each; a verdict put every 100 ms while the backup runs`,
        'the backup goes through the e2e harness bridge into main’s real services (as bench backup)',
      ],
    }
  } finally {
    await app.close()
    await bundles.remove()
  }
}
