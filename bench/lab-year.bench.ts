import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { countOf } from '../core/text/plural'
import { contentSecurityPolicy } from '../main/security/csp'
import { launchApp, rendererRoot, testOrigin, type App } from '../test/e2e/harness'
import { serveFolder } from '../test/e2e/static-route'
import { formatResult, type BenchResult } from './bench-result'
import { bundleBrowserCode } from './browser/bundle-browser-code'
import type { SeedTargets } from './browser/lab-year-seed-api'
import type { LabYearTiming, OpenMarks, ScreenFacts, ScreenKind } from './browser/lab-year-timing.init'
import { duration, folderBytes, indexedDbFolder, seedLabs, type SeededLab } from './lab-year-seed'
import { oneOfEach, yearsOfLab, type LabShape } from './lab-year-shape'

// Timed opens per screen per lab, after one warm-up open of each that is not counted.
const rounds = 5
const target = { ms: 300, ratio: 2 } as const
// The lists draw 100 rows a page (DataTable's rowsPerPage) and the audit view shows 100 entries (auditPageSize).
const pageRows = 100
const manifestName = 'lab-year.json'
// The first audit view after seeding checks the whole trail on the window's thread; it has to finish before the timed opens.
const chainCheckTimeoutMs = 90 * 60_000

type TimingWindow = Window & { readonly labYearTiming: LabYearTiming }

type LabKey = 'big' | 'empty'

type Lab = {
  readonly key: LabKey
  readonly label: string
  readonly profileDir: string
  readonly seeded: SeededLab
  readonly bytes: number
}

type Manifest = {
  readonly scale: number
  readonly seededAt: string
  readonly labs: Readonly<Record<LabKey, SeededLab>>
}

type Screen = {
  readonly kind: Exclude<ScreenKind, 'audit'>
  readonly label: string
  readonly address: (targets: SeedTargets) => string
}

const screens: readonly Screen[] = [
  { kind: 'products', label: 'Products', address: () => '#/products' },
  { kind: 'units', label: 'Tested units', address: () => '#/units' },
  { kind: 'hubs', label: 'Hubs', address: () => '#/hubs' },
  { kind: 'skills', label: 'Skills', address: () => '#/skills' },
  { kind: 'plans', label: 'Test plans', address: () => '#/plans' },
  { kind: 'sessions', label: 'Sessions list', address: () => '#/sessions' },
  {
    kind: 'runner',
    label: "A session's runner",
    address: (t) => `#/sessions/${encodeURIComponent(t.runnerSessionId)}`,
  },
  {
    kind: 'product',
    label: 'Product page with its history',
    address: (t) => `#/products/${encodeURIComponent(t.productId)}`,
  },
]
const auditLabel = 'Audit view of the product (from the click)'
// Each screen is opened twice a round: as a new document (about:blank, then the address) and by reloading it there.
const asNewDocument = (label: string) => `${label}, new document`
const rowLabels: readonly string[] = [
  ...screens.map((s) => s.label),
  auditLabel,
  ...screens.map((s) => asNewDocument(s.label)),
]

const log = (line: string) => console.log(line)
const whole = (n: number) => Math.round(n).toLocaleString('en-US')

/**
 * Issue 7's acceptance figure: every screen of the built app opened on five years of a busy lab
 * (seeded through the repositories) against the same screen on a lab with one of each thing,
 * time to first useful paint, medians of alternating opens in one run.
 */
export async function run(): Promise<BenchResult> {
  const options = readOptions()
  const root = options.profileRoot ?? (await mkdtemp(join(tmpdir(), 'wwa-lab-bench-lab-year-')))
  const workDir = await mkdtemp(join(tmpdir(), 'wwa-lab-bench-lab-year-app-'))
  const apps: App[] = []
  try {
    const appDir = await snapshotOfTheApp(join(workDir, 'renderer'))
    const { labs, reused } = await prepareLabs(root, options.scale)
    const initScript = await readFile(
      await bundleBrowserCode(
        fileURLToPath(new URL('./browser/lab-year-timing.init.ts', import.meta.url)),
        workDir,
        'iife',
      ),
      'utf8',
    )
    const opened = new Map<LabKey, App>()
    for (const lab of labs) {
      const app = await launchApp({ profileDir: lab.profileDir })
      apps.push(app)
      // Registered after the harness's route, so asked first: every timed open loads the snapshot.
      const serve = serveFolder({ root: appDir, contentSecurityPolicy })
      await app.context.route(`${testOrigin}/**`, (route) => serve(route))
      await app.context.addInitScript({ content: initScript })
      opened.set(lab.key, app)
    }
    const appOf = (lab: Lab) => {
      const app = opened.get(lab.key)
      if (!app) throw new Error(`The ${lab.label} is not open.`)
      return app
    }

    const samples = new Map<string, Record<LabKey, OpenMarks[]>>(
      rowLabels.map((label) => [label, { big: [], empty: [] }]),
    )
    const load = { before: loadavg()[0] ?? 0, highest: 0 }
    const warmUp: string[] = []
    const chainChecks: string[] = []
    for (let round = 0; round <= rounds; round += 1) {
      load.highest = Math.max(load.highest, loadavg()[0] ?? 0)
      log(
        `${round === 0 ? 'lab-year: warm-up round (not counted)' : `lab-year: round ${round} of ${rounds}`}; load average ${(loadavg()[0] ?? 0).toFixed(1)}`,
      )
      for (const screen of screens) {
        // Big, empty, big, empty…: whatever the machine does meanwhile falls on both alike.
        for (const lab of labs) {
          const app = appOf(lab)
          const fresh = await openScreen(app, lab, screen)
          const reloaded = await reloadScreen(app, lab, screen)
          const figures: [string, OpenMarks][] = [
            [screen.label, reloaded],
            [asNewDocument(screen.label), fresh],
          ]
          if (screen.kind === 'product') {
            const audit = await app.page.evaluate(() => (window as unknown as TimingWindow).labYearTiming.openAudit())
            expectFacts(lab, 'audit', audit.facts, auditLabel)
            figures.push([auditLabel, audit])
            if (round === 0) chainChecks.push(`${lab.label}: ${await waitForChainCheck(app, lab)}`)
          }
          for (const [label, m] of figures) {
            if (round === 0) warmUp.push(`${lab.key} ${label} ${whole(m.painted)} ms`)
            else samples.get(label)?.[lab.key].push(m)
          }
        }
      }
    }

    const problems = labs.flatMap((lab) =>
      appOf(lab)
        .problems()
        .map((p) => `${lab.label}: ${p}`),
    )
    const result = resultOf(labs, samples, {
      warmUp,
      chainChecks,
      reused,
      problems,
      root: options.profileRoot,
      load: { ...load, after: loadavg()[0] ?? 0 },
    })
    if (problems.length > 0) {
      console.log(formatResult(result))
      throw new Error(
        `The app reported ${problems.length} problem(s), so these figures cannot be trusted:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
      )
    }
    return result
  } finally {
    for (const app of apps) await app.close()
    await rm(workDir, { recursive: true, force: true })
    if (options.profileRoot === undefined) await rm(root, { recursive: true, force: true })
  }
}

/**
 * A copy of out/renderer as `npm run bench` just built it. The run lasts an hour or more and the
 * tree is shared: a rebuild meanwhile would change the app between opens, or answer one with a 404.
 */
async function snapshotOfTheApp(dir: string): Promise<string> {
  await cp(rendererRoot, dir, { recursive: true })
  const html = await readFile(join(dir, 'index.html'), 'utf8')
  const missing = [...html.matchAll(/(?:src|href)="\.?\/?([^"]+)"/g)]
    .map((m) => m[1] ?? '')
    .filter((path) => !existsSync(join(dir, path)))
  if (missing.length > 0)
    throw new Error(`The copy of ${rendererRoot} lacks ${missing.join(', ')}: was it being rebuilt? Run again.`)
  return dir
}

type Options = { readonly scale: number | undefined; readonly profileRoot: string | undefined }

function readOptions(): Options {
  const raw = process.env.WWA_LAB_BENCH_SCALE
  const scale = raw === undefined || raw === '' ? undefined : Number(raw)
  if (scale !== undefined && !(scale > 0 && scale <= 1))
    throw new Error(
      `WWA_LAB_BENCH_SCALE must be a number above 0 and at most 1 (0.05 for a quick trial), not "${raw}".`,
    )
  const profileRoot = process.env.WWA_LAB_BENCH_PROFILE || undefined
  return { scale, profileRoot }
}

/** Seeds both labs into root, or reuses the ones a previous run seeded there (WWA_LAB_BENCH_PROFILE). */
async function prepareLabs(
  root: string,
  requestedScale: number | undefined,
): Promise<{ labs: Lab[]; reused: string | undefined }> {
  const profiles: Record<LabKey, string> = { big: join(root, 'big-lab'), empty: join(root, 'empty-lab') }
  const manifestPath = join(root, manifestName)
  let manifest: Manifest
  let reused: string | undefined
  if (existsSync(manifestPath)) {
    manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest
    if (requestedScale !== undefined && requestedScale !== manifest.scale) {
      throw new Error(
        `${root} holds labs seeded at scale ${manifest.scale}, not ${requestedScale}: unset WWA_LAB_BENCH_SCALE, or name another folder in WWA_LAB_BENCH_PROFILE.`,
      )
    }
    reused = manifest.seededAt
    log(`lab-year: reusing the labs seeded in ${root} on ${manifest.seededAt} (scale ${manifest.scale})`)
  } else {
    if (existsSync(profiles.big) || existsSync(profiles.empty)) {
      throw new Error(
        `${root} holds a lab profile but no ${manifestName}: an earlier seeding did not finish. Delete the folder, or name another one.`,
      )
    }
    await mkdir(root, { recursive: true })
    const scale = requestedScale ?? 1
    const shape = yearsOfLab(scale)
    log(`lab-year: seeding at scale ${scale} into ${root}: ${describeShape(shape)}`)
    const [empty, big] = await seedLabs(
      [
        { label: 'empty lab', profileDir: profiles.empty, shape: oneOfEach() },
        { label: 'big lab', profileDir: profiles.big, shape },
      ],
      log,
    )
    if (!empty || !big) throw new Error('Seeding returned no labs.')
    manifest = { scale, seededAt: new Date().toISOString(), labs: { big, empty } }
    await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`)
  }
  const labs: Lab[] = []
  for (const key of ['big', 'empty'] as const) {
    labs.push({
      key,
      label: `${key} lab`,
      profileDir: profiles[key],
      seeded: manifest.labs[key],
      bytes: await folderBytes(indexedDbFolder(profiles[key])),
    })
  }
  return { labs, reused }
}

const describeShape = ({ expected: e }: LabShape) =>
  `${whole(e.products)} products, ${whole(e.units)} units, ${whole(e.hubs)} hubs, ${whole(e.skills)} skills, ${whole(e.plans)} plans (${whole(e.planVersions)} versions), ` +
  `${whole(e.sessions)} sessions, ${whole(e.results)} results, ${whole(e.audit)} audit entries`

/** A full load of the app at the screen's address: about:blank first, so it is a new document, never a hash change. */
async function openScreen(app: App, lab: Lab, screen: Screen): Promise<OpenMarks> {
  await app.page.goto('about:blank')
  await app.page.goto(`${testOrigin}/${screen.address(lab.seeded.targets)}`)
  const marks = await app.page.evaluate(() => (window as unknown as TimingWindow).labYearTiming.opened())
  if (marks.screen !== screen.kind)
    throw new Error(`Expected the ${screen.kind} screen at ${app.page.url()}, but timed the ${marks.screen}.`)
  expectFacts(lab, screen.kind, marks.facts, screen.label)
  return marks
}

/** A reload of the app where it stands: a new document at the same address, as a window opened again, and as the runner bench times its opens. */
async function reloadScreen(app: App, lab: Lab, screen: Screen): Promise<OpenMarks> {
  await app.page.reload()
  const marks = await app.page.evaluate(() => (window as unknown as TimingWindow).labYearTiming.opened())
  if (marks.screen !== screen.kind)
    throw new Error(
      `Expected the ${screen.kind} screen at ${app.page.url()} after a reload, but timed the ${marks.screen}.`,
    )
  expectFacts(lab, screen.kind, marks.facts, screen.label)
  return marks
}

/** Throws unless the screen showed the lab's data in full at its first paint. */
function expectFacts(lab: Lab, kind: ScreenKind, facts: ScreenFacts, label: string): void {
  const { counts, targets } = lab.seeded
  const [first = '', second = '', third = ''] = facts.text
  const fail = (what: string) => {
    throw new Error(`${lab.label}, ${label}: ${what} (it showed ${JSON.stringify(facts)}).`)
  }
  const listed = (n: number) => {
    if (first !== `${n} shown` || facts.rows !== Math.min(n, pageRows))
      fail(`expected "${n} shown" and ${Math.min(n, pageRows)} rows`)
  }
  switch (kind) {
    case 'products':
      return listed(counts.products)
    case 'units':
      return listed(counts.units)
    case 'hubs':
      return listed(counts.hubs)
    case 'skills':
      return listed(counts.skills)
    case 'plans':
      return listed(counts.plans)
    case 'sessions':
      // The newest page paints first and the rest is read after it: "100 shown" then, on a lab with more.
      if (counts.sessions > pageRows && first === `${pageRows} shown` && facts.rows === pageRows) return
      return listed(counts.sessions)
    case 'runner':
      if (
        !first.startsWith(`Case 1 of ${targets.runnerCases}`) ||
        second !== `${targets.runnerDecided} of ${targets.runnerCases} cases decided` ||
        !third.startsWith(`${targets.runnerFirstCase} ·`) ||
        facts.rows === 0
      ) {
        fail(
          `expected case 1 of ${targets.runnerCases} (${targets.runnerFirstCase}) with ${targets.runnerDecided} decided`,
        )
      }
      return
    case 'product':
      if (first !== targets.productLabel || facts.rows !== targets.productSessions)
        fail(`expected ${targets.productLabel} with ${targets.productSessions} sessions`)
      return
    case 'audit': {
      const total = targets.productAudit
      const line =
        total > pageRows
          ? `The newest ${pageRows} entries of ${whole(total)}, newest first.`
          : `${countOf(total, 'entry', 'entries')}, newest first.`
      // The entries paint first and the total is counted after them.
      const counting = total > pageRows ? `The newest ${pageRows} entries, newest first.` : line
      if ((first !== line && first !== counting) || facts.rows !== Math.min(total, pageRows))
        fail(`expected "${line}" and ${Math.min(total, pageRows)} rows`)
      return
    }
    default:
      return assertNever(kind)
  }
}

function assertNever(value: never): never {
  throw new Error(`Unknown screen: ${String(value)}`)
}

/**
 * Waits for the audit view's chain check to finish. Right after seeding there is no checkpoint, so
 * the first view checks every entry; it then saves a checkpoint at the head, and the timed opens
 * check from there, as in a lab whose audit view is opened now and then.
 */
async function waitForChainCheck(app: App, lab: Lab): Promise<string> {
  const started = performance.now()
  let reported = started
  for (;;) {
    const line = await app.page.evaluate(() => (window as unknown as TimingWindow).labYearTiming.chainLine())
    if (line !== null && !line.startsWith('checking')) {
      if (!line.startsWith('Intact')) throw new Error(`The ${lab.label}'s audit trail does not verify: ${line}`)
      return `${line} (${duration(performance.now() - started)})`
    }
    if (performance.now() - started > chainCheckTimeoutMs)
      throw new Error(
        `The ${lab.label}'s audit view did not finish checking within ${duration(chainCheckTimeoutMs)}: ${line ?? 'nothing shown'}.`,
      )
    if (performance.now() - reported > 30_000) {
      reported = performance.now()
      log(
        `  ${lab.label}: the first audit view is checking the trail, ${line ?? 'starting'} (${duration(reported - started)})`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000))
  }
}

type Extras = {
  readonly warmUp: readonly string[]
  readonly chainChecks: readonly string[]
  readonly reused: string | undefined
  readonly problems: readonly string[]
  readonly root: string | undefined
  /** The 1-minute load average when the timed opens began, the highest at a round's start, and at the end. */
  readonly load: { readonly before: number; readonly highest: number; readonly after: number }
}

type Row = { readonly label: string; readonly big: readonly number[]; readonly empty: readonly number[] }

function resultOf(
  labs: readonly Lab[],
  samples: ReadonlyMap<string, Record<LabKey, readonly OpenMarks[]>>,
  extras: Extras,
): BenchResult {
  const painted = (marks: readonly OpenMarks[] | undefined) => (marks ?? []).map((m) => m.painted)
  const rows: Row[] = rowLabels.map((label) => ({
    label,
    big: painted(samples.get(label)?.big),
    empty: painted(samples.get(label)?.empty),
  }))
  const judged = rows.map((row) => {
    const big = median(row.big)
    const empty = median(row.empty)
    const ratio = big / empty
    const misses = [
      big >= target.ms ? `${whole(big)} ms` : '',
      ratio > target.ratio ? `${ratio.toFixed(2)}×` : '',
    ].filter((m) => m !== '')
    return { ...row, bigMedian: big, emptyMedian: empty, ratio, misses }
  })
  const slowest = judged.reduce((a, b) => (b.bigMedian > a.bigMedian ? b : a))
  const missed = judged.filter((row) => row.misses.length > 0)
  const spread = (values: readonly number[]) =>
    `${whole(median(values))} ms (${whole(Math.min(...values))}–${whole(Math.max(...values))})`
  const big = labs.find((l) => l.key === 'big')
  const empty = labs.find((l) => l.key === 'empty')
  if (!big || !empty) throw new Error('Both labs are needed.')
  const t = big.seeded.targets
  const labLine = (lab: Lab) => {
    const c = lab.seeded.counts
    return (
      `${lab.label}: ${whole(c.products)} products, ${whole(c.units)} units, ${whole(c.hubs)} hubs, ${whole(c.skills)} skills, ${whole(c.plans)} plans in ${whole(c.planVersions)} versions, ` +
      `${whole(c.sessions)} sessions (${whole(c.completedSessions)} completed), ${whole(c.results)} results, ${whole(c.audit)} audit entries; ` +
      `seeded through the repositories in ${duration(lab.seeded.seedMs)} (${whole((c.results / lab.seeded.seedMs) * 1000)} results/s)${extras.reused ? ` on ${extras.reused}` : ''}; ` +
      `IndexedDB ${megabytes(lab.bytes)} on disk`
    )
  }
  return {
    name: 'lab-year',
    count: 1,
    items: 'open',
    subject: { label: `slowest screen on the big lab (${slowest.label}), median`, ms: slowest.bigMedian },
    baseline: { label: 'empty lab, the same screen, median', ms: slowest.emptyMedian },
    table: {
      columns: [
        { title: 'Screen', align: 'left' },
        { title: 'Big lab, median (min–max)', align: 'right' },
        { title: 'Empty lab, median (min–max)', align: 'right' },
        { title: 'Ratio', align: 'right' },
        { title: `<${target.ms} ms and ≤${target.ratio}×`, align: 'left' },
      ],
      rows: judged.map((row) => [
        row.label,
        spread(row.big),
        spread(row.empty),
        `${row.ratio.toFixed(2)}×`,
        row.misses.length === 0 ? 'yes' : `NO (${row.misses.join(', ')})`,
      ]),
    },
    notes: [
      `target, every screen under ${target.ms} ms and within ${target.ratio}× of the empty lab: ${missed.length === 0 ? 'met' : `NOT met by ${missed.map((r) => `${r.label} (${r.misses.join(', ')})`).join('; ')}`}`,
      labLine(big),
      labLine(empty),
      `timed records: the runner of the newest completed session of the largest plan (${t.runnerCases.toLocaleString('en-US')} cases, ${t.runnerDecided.toLocaleString('en-US')} decided, the rest optional and blocked) in both labs; ` +
        `product ${t.productLabel} on the big lab, the one with the longest trail (${t.productSessions} sessions, ${whole(t.productAudit)} audit entries; on the empty lab ${whole(empty.seeded.targets.productAudit)})`,
      'time to first useful paint: from the start of a full load of the app at the screen\'s address (a reload of it there, as a window opened again and as the runner bench times its opens; the rows "…, new document" load it after about:blank instead, a new document in the tab) ' +
        "to the frame after the DOM first holds the useful content (a list's first data row; the runner's case 1 selected and its heading; the product page's sessions list), " +
        'seen by a MutationObserver an init script installs before the app runs, then one requestAnimationFrame and the task after it',
      'the audit view is timed from the click that opens the product page\'s "Audit trail of this product, its units and sessions" <details> (a click in the page once it is idle) to the frame after the "Audit entries" table\'s first row',
      `medians of ${rounds} opens per screen per lab, alternating big and empty lab screen by screen, after a warm-up round not counted: ${extras.warmUp.join(', ')}`,
      ...(['big', 'empty'] as const).map(
        (key) =>
          `where a load's time went on the ${key} lab, medians in ms (script arrived / app shell drawn / content in the DOM / painted): ${phases(samples, key)}`,
      ),
      `first audit view after seeding (warm-up): ${extras.chainChecks.join('; ')}; the timed opens check from the checkpoint it saved`,
      "every open checked the screen showed the lab in full at its first paint (the list counts, e.g. \"300 shown\", 100 rows drawn; the runner's case count and decided count; the product's sessions; the audit view's entry count)",
      extras.problems.length === 0
        ? 'the app reported no problems on either lab (harness problems(): CSP violations, page and console errors, requests outside the origin), nor did the seeding pages'
        : `the app reported ${extras.problems.length} problem(s): ${extras.problems.join(' | ')}`,
      `load average (1 min) ${extras.load.before.toFixed(1)} when the timed opens began, up to ${extras.load.highest.toFixed(1)} at a round's start, ${extras.load.after.toFixed(1)} at the end, on ${cpus().length} cores: another engineer works on this machine, so the absolute figures carry that noise; the alternation puts it on both labs alike`,
      'the built app (a copy of out/renderer taken when the run started, so a rebuild in the tree cannot change it midway) under the app CSP, served by a Playwright route with main\'s app:// handler as in the e2e tests (Cache-Control: no-cache, so every open fetches the script again: the "script arrived" phase above), headless Chromium, 2 cores shared',
      extras.root
        ? `labs kept in ${extras.root} (WWA_LAB_BENCH_PROFILE): run again with it to measure without seeding`
        : 'labs seeded into a temp folder, removed afterwards (set WWA_LAB_BENCH_PROFILE=<dir> to keep them)',
    ],
  }
}

/** "Products 110/260/560/601, …" for every loaded screen. */
function phases(samples: ReadonlyMap<string, Record<LabKey, readonly OpenMarks[]>>, key: LabKey): string {
  return screens
    .map((screen) => {
      const marks = samples.get(screen.label)?.[key] ?? []
      const of = (pick: (m: OpenMarks) => number | null) => whole(median(marks.map((m) => pick(m) ?? Number.NaN)))
      return `${screen.label} ${of((m) => m.scriptArrived)}/${of((m) => m.shell)}/${of((m) => m.shown)}/${of((m) => m.painted)}`
    })
    .join(', ')
}

const megabytes = (bytes: number) =>
  bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GB` : `${(bytes / 1024 ** 2).toFixed(1)} MB`

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}
