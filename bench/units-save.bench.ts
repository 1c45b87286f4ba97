import { fileURLToPath } from 'node:url'
import type { BenchResult } from './bench-result'
import { buildBenchSite, type BenchSite } from './browser/bench-site'
import type { UnitsSaveBench, UnitsSaveKind } from './browser/units-save.page'
import { median } from './median'

const count = 100_000
// An import or restore writes in batches of this size; one transaction per batch.
const chunkSize = 1_000
// Subject and baseline alternate this many times and the medians are compared: on a
// shared machine one pair can differ by 2× from the next, a median of pairs much less.
const rounds = 3

type BenchWindow = Window & { readonly runUnitsSaveBench: UnitsSaveBench }

/**
 * Bulk-saving units through the app's repositories (zod, Dexie and the sealed audit
 * trail) against raw IndexedDB writing the very rows the repositories write (the
 * units and their audit entries, the same indexes, transactions and durability), in Chromium.
 */
export async function run(): Promise<BenchResult> {
  const site = await buildBenchSite(fileURLToPath(new URL('./browser/units-save.page.ts', import.meta.url)))
  try {
    const pairs: { raw: number; repo: number }[] = []
    for (let round = 0; round < rounds; round += 1) {
      const raw = await measure(site, 'raw')
      pairs.push({ raw, repo: await measure(site, 'repo-chunked') })
    }
    const transactions = Math.ceil(count / chunkSize)
    return {
      name: 'units-save',
      count,
      items: 'units',
      subject: { label: 'repositories', ms: median(pairs.map((p) => p.repo)) },
      baseline: { label: 'raw IndexedDB put of the same unit and audit rows', ms: median(pairs.map((p) => p.raw)) },
      details: [
        {
          label: 'raw put of the units alone, no indexes (the old baseline)',
          ms: await measure(site, 'raw-units-only'),
        },
        { label: 'repositories, one saveMany call', ms: await measure(site, 'repo-one-call') },
        { label: 'zod Unit.parse alone (no storage)', ms: await measure(site, 'validate') },
      ],
      notes: [
        `medians of ${rounds} alternating rounds; ratio in each round: ${pairs.map((p) => `${(p.repo / p.raw).toFixed(2)}×`).join(', ')}; the other figures are one run each`,
        `${transactions} transactions of ${chunkSize.toLocaleString('en-US')} units and their ${chunkSize.toLocaleString('en-US')} audit entries, strict durability, LabDb's indexes (units: 3; audit: 3, one multi-entry) on both sides`,
        'the raw rows are what the repositories wrote, read back from a scratch database before the clock starts',
        'each figure runs on a fresh Chromium profile after a 2,000-unit warm-up on the same path',
      ],
    }
  } finally {
    await site.remove()
  }
}

async function measure(site: BenchSite, kind: UnitsSaveKind): Promise<number> {
  const bench = await site.open()
  try {
    const figure = await bench.page.evaluate(
      ([k, n, size]) => (window as unknown as BenchWindow).runUnitsSaveBench(k, n, size),
      [kind, count, chunkSize] as const,
    )
    if (figure.stored !== count) throw new Error(`${kind}: the store holds ${figure.stored} units, not ${count}.`)
    return figure.ms
  } finally {
    await bench.close()
  }
}
