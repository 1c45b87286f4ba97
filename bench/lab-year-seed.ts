import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { contentSecurityPolicy } from '../main/security/csp'
import { launchChromium } from '../test/e2e/launch-chromium'
import { routeStaticSite, testOrigin } from '../test/e2e/static-route'
import { watchProblems } from '../test/e2e/watch-problems'
import { bundleBrowserCode } from './browser/bundle-browser-code'
import type { LabCounts, LabYearSeedApi, SeedEvent, SeedTargets } from './browser/lab-year-seed-api'
import type { LabShape } from './lab-year-shape'

// Per page.evaluate, at most this many sessions or results: each call is a minute of writes or less, so progress shows often.
const sessionsPerCall = 50
const resultsPerCall = 20_000

type SeedWindow = Window & { readonly labYearSeed: LabYearSeedApi }

export type SeededLab = { readonly counts: LabCounts; readonly targets: SeedTargets; readonly seedMs: number }

export type LabToSeed = { readonly label: string; readonly profileDir: string; readonly shape: LabShape }

const whole = (n: number) => Math.round(n).toLocaleString('en-US')

/** "1 h 02 min", "4 min 12 s", "38 s". */
export function duration(ms: number): string {
  const s = Math.round(ms / 1000)
  if (s < 60) return `${s} s`
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`
}

/**
 * Seeds each lab into its own Chromium profile, at the app's origin, through the app's
 * repositories: a page served under the app's CSP whose script is the repositories, driven
 * a chunk at a time from here. Refuses (throws) if a write is refused, the page reports a
 * problem, or the tables do not hold what the shape says they must.
 */
export async function seedLabs(labs: readonly LabToSeed[], log: (line: string) => void): Promise<SeededLab[]> {
  const siteDir = await mkdtemp(join(tmpdir(), 'wwa-lab-bench-seed-'))
  try {
    const script = await bundleBrowserCode(
      fileURLToPath(new URL('./browser/lab-year-seed.page.ts', import.meta.url)),
      siteDir,
      'es',
    )
    await writeFile(
      join(siteDir, 'index.html'),
      `<!doctype html><meta charset="utf-8"><title>seed</title><script type="module" src="./${basename(script)}"></script>`,
    )
    const seeded: SeededLab[] = []
    for (const lab of labs) seeded.push(await seedOne(siteDir, lab, log))
    return seeded
  } finally {
    await rm(siteDir, { recursive: true, force: true })
  }
}

async function seedOne(
  siteDir: string,
  { label, profileDir, shape }: LabToSeed,
  log: (line: string) => void,
): Promise<SeededLab> {
  const context = await launchChromium(profileDir)
  try {
    const watch = await watchProblems(context, testOrigin)
    await routeStaticSite(context, { root: siteDir, contentSecurityPolicy })
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(`${testOrigin}/`, { waitUntil: 'load' })
    await page.waitForFunction(() => 'labYearSeed' in globalThis)
    const started = performance.now()
    await page.evaluate((base) => (window as unknown as SeedWindow).labYearSeed.seedBase(base), shape.base)

    const total = { sessions: shape.expected.sessions, results: shape.expected.results }
    const done = { sessions: 0, results: 0, products: 0 }
    for (const chunk of chunksOf(shape.events)) {
      const chunkStart = performance.now()
      const wrote = await seedChunk(page, chunk)
      done.sessions += wrote.sessions
      done.results += wrote.results
      done.products += wrote.products
      const elapsed = performance.now() - started
      const rate = (done.results / elapsed) * 1000
      const left = rate > 0 ? ((total.results - done.results) / rate) * 1000 : 0
      log(
        `  ${label}: ${whole(done.sessions)}/${whole(total.sessions)} sessions, ${whole(done.results)}/${whole(total.results)} results, ${whole(done.products)} products · ` +
          `${duration(elapsed)} · ${whole(rate)} results/s (this chunk ${whole((wrote.results / (performance.now() - chunkStart)) * 1000)}/s) · about ${duration(left)} left`,
      )
      if (watch.problems.length > 0)
        throw new Error(`Seeding ${label} made the page report problems:\n${watch.problems.join('\n')}`)
    }
    const finished = await page.evaluate((request) => (window as unknown as SeedWindow).labYearSeed.finish(request), {
      runnerSession: shape.runnerSession,
      product: shape.product,
    })
    const seedMs = performance.now() - started
    const wrong = (Object.keys(shape.expected) as (keyof LabCounts)[]).filter(
      (key) => finished.counts[key] !== shape.expected[key],
    )
    if (wrong.length > 0) {
      throw new Error(
        `The ${label} does not hold what was seeded: ${wrong.map((key) => `${key} ${whole(finished.counts[key])}, expected ${whole(shape.expected[key])}`).join('; ')}.`,
      )
    }
    if (watch.problems.length > 0)
      throw new Error(`Seeding ${label} made the page report problems:\n${watch.problems.join('\n')}`)
    log(
      `  ${label}: seeded in ${duration(seedMs)} (${whole((finished.counts.results / seedMs) * 1000)} results/s, ${whole(((finished.counts.results + finished.counts.audit) / seedMs) * 1000)} result and audit rows/s)`,
    )
    return { ...finished, seedMs }
  } finally {
    await context.close()
  }
}

const seedChunk = (page: Page, chunk: readonly SeedEvent[]) =>
  page.evaluate((events) => (window as unknown as SeedWindow).labYearSeed.seedChunk(events), chunk)

/** The events in order, cut once a chunk holds `sessionsPerCall` sessions or `resultsPerCall` results (products go with the sessions after them). */
function* chunksOf(events: readonly SeedEvent[]): Generator<SeedEvent[]> {
  let chunk: SeedEvent[] = []
  let sessions = 0
  let results = 0
  for (const event of events) {
    chunk.push(event)
    if (event.kind !== 'session') continue
    sessions += 1
    results += event.session.decided
    if (sessions >= sessionsPerCall || results >= resultsPerCall) {
      yield chunk
      chunk = []
      sessions = 0
      results = 0
    }
  }
  if (chunk.length > 0) yield chunk
}

/** Bytes on disk under a folder (Chromium's IndexedDB folder of a profile: LevelDB files and blobs). */
export async function folderBytes(folder: string): Promise<number> {
  let bytes = 0
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) bytes += (await stat(join(entry.parentPath, entry.name))).size
  }
  return bytes
}

/** Where Chromium keeps a profile's IndexedDB databases. */
export const indexedDbFolder = (profileDir: string) => join(profileDir, 'Default', 'IndexedDB')
