import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { contentSecurityPolicy } from '../main/security/csp'
import { launchApp, rendererRoot, testOrigin, type App } from '../test/e2e/harness'
import { serveFolder } from '../test/e2e/static-route'
import { trustedResult, type BenchResult } from './bench-result'
import { bundleBrowserCode } from './browser/bundle-browser-code'
import type { LabYearTiming, OpenMarks } from './browser/lab-year-timing.init'
import { expectFacts } from './lab-year-facts'
import { resultOf } from './lab-year-report'
import {
  asNewDocument,
  auditLabel,
  inTheApp,
  rounds,
  rowLabels,
  screens,
  whole,
  type Lab,
  type LabKey,
  type Screen,
} from './lab-year-screens'
import { duration, folderBytes, indexedDbFolder, seedLabs, type SeededLab } from './lab-year-seed'
import { oneOfEach, yearsOfLab, type LabShape } from './lab-year-shape'

const manifestName = 'lab-year.json'

// The first audit view after seeding checks the whole trail on the window's thread; it has to finish before the timed opens.
const chainCheckTimeoutMs = 90 * 60_000

type TimingWindow = Window & { readonly labYearTiming: LabYearTiming }

type Manifest = {
  readonly scale: number
  readonly seededAt: string
  readonly labs: Readonly<Record<LabKey, SeededLab>>
}

const log = (line: string) => console.log(line)

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
          const followed = await openInApp(app, lab, screen)
          const figures: [string, OpenMarks][] = [
            [screen.label, reloaded],
            [asNewDocument(screen.label), fresh],
            [inTheApp(screen.label), followed],
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
    return trustedResult(result, problems)
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

/** The screen opened from Settings in the running app, as a person follows a link to it. */
async function openInApp(app: App, lab: Lab, screen: Screen): Promise<OpenMarks> {
  const address = screen.address(lab.seeded.targets)
  const marks = await app.page.evaluate(
    (to) => (window as unknown as TimingWindow).labYearTiming.openInApp(to),
    address,
  )
  expectFacts(lab, screen.kind, marks.facts, inTheApp(screen.label))
  return marks
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
