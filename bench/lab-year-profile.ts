// Where one screen's open goes on a lab the lab-year bench seeded: not a benchmark (run.ts
// runs only *.bench.ts), a tool for finding what to make faster.
//
//   WWA_LAB_OUT=/tmp/x-out node --import tsx bench/lab-year-profile.ts <lab profile folder> '#/products' [opens] [cpuprofile file]
//
// Opens the screen by reloading it `opens` times (5 unless given) and prints each open's marks
// as the bench takes them, then one more open under the CPU profiler with every IndexedDB
// request the page made (when asked, when answered): the script's own time by function, and
// the reads the screen waited on, which a CPU profile of the page cannot show.
import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { CDPSession } from 'playwright-core'
import { launchApp, testOrigin } from '../test/e2e/harness'
import { bundleBrowserCode } from './browser/bundle-browser-code'
import type { IdbRequestTrace, IdbTrace } from './browser/lab-year-idb-trace.init'
import type { LabYearTiming, OpenMarks } from './browser/lab-year-timing.init'
import type { CpuProfile } from './cpu-profile'

type ProfileWindow = Window & { readonly labYearTiming: LabYearTiming; readonly idbTrace: IdbTrace }

const [profileDir, address = '#/products', opensArg = '5', cpuFile] = process.argv.slice(2)
if (profileDir === undefined) {
  console.error(
    'Usage: node --import tsx bench/lab-year-profile.ts <lab profile folder> [#/address] [opens] [cpuprofile file]',
  )
  process.exit(2)
}
const opens = Number(opensArg)

const whole = (n: number | null) => (n === null ? '–' : Math.round(n).toLocaleString('en-US'))
const line = (m: OpenMarks) =>
  `script ${whole(m.scriptArrived)} · shell ${whole(m.shell)} · shown ${whole(m.shown)} · painted ${whole(m.painted)} ms`

const workDir = await mkdtemp(join(tmpdir(), 'wwa-lab-profile-'))
const app = await launchApp({ profileDir })
try {
  const bundle = async (name: string) =>
    readFile(
      await bundleBrowserCode(fileURLToPath(new URL(`./browser/${name}`, import.meta.url)), workDir, 'iife'),
      'utf8',
    )
  await app.context.addInitScript({ content: await bundle('lab-year-timing.init.ts') })
  await app.context.addInitScript({ content: await bundle('lab-year-idb-trace.init.ts') })
  const { page } = app
  await page.goto('about:blank')
  await page.goto(`${testOrigin}/${address}`)
  const opened = () => page.evaluate(() => (window as unknown as ProfileWindow).labYearTiming.opened())
  console.log(`first open: ${line(await opened())}`)
  const painted: number[] = []
  for (let i = 0; i < opens; i += 1) {
    await page.reload()
    const m = await opened()
    painted.push(m.painted)
    console.log(`reload ${i + 1}: ${line(m)}`)
  }
  painted.sort((a, b) => a - b)
  console.log(`median painted ${whole(painted[Math.floor(painted.length / 2)] ?? null)} ms`)

  const cdp: CDPSession = await app.context.newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
  // WWA_LAB_PROFILE_IN_APP=1: the profiled open follows a link from Settings in the running app, as the bench's
  // "…, from another screen" rows do, rather than reloading (which starts the app too).
  const inApp = process.env['WWA_LAB_PROFILE_IN_APP'] === '1'
  if (inApp) {
    for (let i = 0; i < opens; i += 1) {
      const m = await page.evaluate((to) => (window as unknown as ProfileWindow).labYearTiming.openInApp(to), address)
      console.log(`from another screen ${i + 1}: shown ${whole(m.shown)} · painted ${whole(m.painted)} ms`)
    }
  }
  await cdp.send('Profiler.start')
  const marks = inApp
    ? await page.evaluate((to) => (window as unknown as ProfileWindow).labYearTiming.openInApp(to), address)
    : await page.reload().then(opened)
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }
  const requests = await page.evaluate(() => (window as unknown as ProfileWindow).idbTrace.requests())
  const timeOrigin = await page.evaluate(() => performance.timeOrigin)
  console.log(`profiled reload: ${line(marks)}`)
  if (cpuFile) await writeFile(cpuFile, JSON.stringify(profile))
  report(profile, marks, requests, timeOrigin)
} finally {
  await app.close()
  await rm(workDir, { recursive: true, force: true })
}

function report(profile: CpuProfile, marks: OpenMarks, requests: readonly IdbRequestTrace[], timeOrigin: number) {
  // Profile times are µs on the monotonic clock; the page's are ms from its time origin. Samples
  // after the paint are left out; the ones before the document began carry the old page.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<string, number>()
  let t = profile.startTime
  let busy = 0
  const buckets = new Map<number, number>()
  const bucketMs = 25
  const wallStart = profile.startTime / 1000
  for (let i = 0; i < profile.samples.length; i += 1) {
    t += profile.timeDeltas[i] ?? 0
    const node = byId.get(profile.samples[i] ?? -1)
    if (!node) continue
    const name = node.callFrame.functionName || '(anonymous)'
    if (name === '(idle)' || name === '(program)' || name === '(root)') continue
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000
    busy += dt
    const where = node.callFrame.url
      ? `${node.callFrame.url.replace(/^.*\//, '')}:${node.callFrame.lineNumber + 1}`
      : ''
    const key = `${name} ${where}`.trim()
    self.set(key, (self.get(key) ?? 0) + dt)
    const bucket = Math.floor((t / 1000 - wallStart) / bucketMs)
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + dt)
  }
  console.log(`\nscript busy ${whole(busy)} ms in the profile (the reload, to the paint and the profiler's stop)`)
  console.log('top self time (ms):')
  for (const [key, ms] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40))
    console.log(`  ${ms.toFixed(1).padStart(7)}  ${key}`)
  console.log(`busy per ${bucketMs} ms from the profile's start:`)
  console.log(
    `  ${[...buckets.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([b, ms]) => `${b * bucketMs}:${Math.round(ms)}`)
      .join(' ')}`,
  )
  void timeOrigin
  console.log(`\nIndexedDB requests before the paint (${requests.length} in all), ms from the navigation:`)
  for (const r of requests.filter((r) => r.asked <= marks.painted))
    console.log(
      `  ${whole(r.asked).padStart(5)} → ${whole(r.answered).padStart(5)} (${whole(r.answered === null ? null : r.answered - r.asked).padStart(4)} ms)  ${r.what}${r.size === null ? '' : ` [${whole(r.size)}]`}`,
    )
}
