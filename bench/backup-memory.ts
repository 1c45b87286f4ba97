import { readdir, readFile, writeFile } from 'node:fs/promises'

/** One process's resident memory over a phase, in bytes. */
export type ProcessMemory = {
  readonly pid: number
  /** Chromium's --type (renderer, gpu-process, utility: its sub-type), "browser" for the browser process, "main" for this one. */
  readonly kind: string
  readonly baseline: number
  readonly peak: number
  readonly growth: number
  /** True when the peak includes the kernel's own high-water mark (VmHWM, reset at the start), not only samples. */
  readonly exactPeak: boolean
}

export type PhaseMemory = {
  /** The renderer whose peak grew most (the bench page's; Chromium may keep a spare one). */
  readonly renderer: ProcessMemory | null
  /** This Node process: main's services, run here by the test harness. */
  readonly main: ProcessMemory
  /** Every process of the profile, renderers included. */
  readonly chromium: readonly ProcessMemory[]
  readonly samples: number
}

export type MemoryWatch = { stop(): Promise<PhaseMemory> }

const sampleMs = 100
const rescanEvery = 10

type Status = { readonly rss: number; readonly hwm: number }

async function statusOf(pid: number | 'self'): Promise<Status | null> {
  try {
    const text = await readFile(`/proc/${pid}/status`, 'utf8')
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0) * 1024
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') }
  } catch {
    return null // ended meanwhile
  }
}

/** Resets the kernel's peak-RSS mark of a process (Linux ≥ 4.0, our own processes only); false when refused. */
async function resetPeak(pid: number | 'self'): Promise<boolean> {
  try {
    await writeFile(`/proc/${pid}/clear_refs`, '5')
    return true
  } catch {
    return false
  }
}

/** The Chromium processes of this profile, each with its kind: the browser (the one given the profile) and its descendants. */
async function chromiumOf(profileDir: string): Promise<Map<number, string>> {
  const all = new Map<number, { readonly parent: number; readonly args: readonly string[] }>()
  for (const name of await readdir('/proc')) {
    const pid = Number(name)
    if (!Number.isInteger(pid)) continue
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      // Chromium's helpers rewrite their command line as one string (setproctitle), so split on spaces too.
      const args = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split(/[\0 ]/)
      all.set(pid, { parent, args })
    } catch {
      // Gone already, or not ours to read.
    }
  }
  const found = new Map<number, string>()
  for (const [pid, { args }] of all) {
    if (args.includes(`--user-data-dir=${profileDir}`) && !args.some((a) => a.startsWith('--type='))) {
      found.set(pid, 'browser')
    }
  }
  // Renderers are the zygote's children, so descendants are found a generation at a time.
  for (let grew = true; grew;) {
    grew = false
    for (const [pid, { parent, args }] of all) {
      if (found.has(pid) || !found.has(parent)) continue
      const type = args.find((a) => a.startsWith('--type='))?.slice('--type='.length) ?? 'helper'
      const sub = args.find((a) => a.startsWith('--utility-sub-type='))?.slice('--utility-sub-type='.length)
      found.set(pid, sub === undefined ? type : `${type} ${sub}`)
      grew = true
    }
  }
  return found
}

type Tracked = { kind: string; baseline: number; peak: number; exact: boolean }

/**
 * Samples the resident memory of every Chromium process of the profile
 * (/proc/<pid>/status) and of this process (process.memoryUsage().rss) every
 * 100 ms until stop(), and reads each one's kernel peak mark at the end, reset
 * at the start, so a spike between samples still counts. Growth is the peak
 * over the phase minus the resident size at its start; a process that started
 * during the phase grew by all of its peak.
 */
export async function watchMemory(profileDir: string): Promise<MemoryWatch> {
  const tracked = new Map<number, Tracked>()
  const track = async (pid: number, kind: string, atStart: boolean) => {
    const status = await statusOf(pid)
    if (status === null) return
    tracked.set(pid, {
      kind,
      baseline: atStart ? status.rss : 0,
      peak: status.rss,
      exact: await resetPeak(pid),
    })
  }
  for (const [pid, kind] of await chromiumOf(profileDir)) await track(pid, kind, true)
  const mainExact = await resetPeak('self')
  const main = { baseline: process.memoryUsage().rss, peak: 0 }
  main.peak = main.baseline

  let samples = 0
  let sampling: Promise<void> = Promise.resolve()
  const sample = async () => {
    samples += 1
    main.peak = Math.max(main.peak, process.memoryUsage().rss)
    if (samples % rescanEvery === 0) {
      for (const [pid, kind] of await chromiumOf(profileDir)) if (!tracked.has(pid)) await track(pid, kind, false)
    }
    for (const [pid, entry] of tracked) {
      const status = await statusOf(pid)
      if (status !== null) entry.peak = Math.max(entry.peak, status.rss)
    }
  }
  const timer = setInterval(() => {
    // One sample at a time: a slow /proc read under load must not pile samples up.
    sampling = sampling.then(sample)
  }, sampleMs)

  return {
    async stop() {
      clearInterval(timer)
      await sampling
      await sample()
      const chromium: ProcessMemory[] = []
      for (const [pid, entry] of tracked) {
        const status = await statusOf(pid)
        const peak = Math.max(entry.peak, entry.exact && status !== null ? status.hwm : 0)
        chromium.push({
          pid,
          kind: entry.kind,
          baseline: entry.baseline,
          peak,
          growth: peak - entry.baseline,
          exactPeak: entry.exact && status !== null,
        })
      }
      const self = await statusOf('self')
      const mainPeak = Math.max(main.peak, mainExact && self !== null ? self.hwm : 0)
      const renderers = chromium.filter((p) => p.kind === 'renderer').sort((a, b) => b.growth - a.growth)
      return {
        renderer: renderers[0] ?? null,
        main: {
          pid: process.pid,
          kind: 'main',
          baseline: main.baseline,
          peak: mainPeak,
          growth: mainPeak - main.baseline,
          exactPeak: mainExact && self !== null,
        },
        chromium,
        samples,
      }
    },
  }
}
