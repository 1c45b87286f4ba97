import type { CDPSession } from 'playwright-core'
import type { App } from '../test/e2e/harness'
import type { CpuProfile } from './cpu-profile'
import type { ReadinessLabPage } from './browser/readiness-lab.page'

type BenchWindow = Window & { readonly readinessLab: ReadinessLabPage }

/** readinessRows() run a few times in the bench page (unminified) under the CPU profiler: where its own time goes. */
export async function profileRows(
  app: App,
): Promise<{ runs: number; busyMs: number; self: string; inclusive: string }> {
  const runs = 5
  const cdp: CDPSession = await app.context.newCDPSession(app.page)
  try {
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    // The catalogue is read before the profiler starts: the profile holds readinessRows() alone.
    await app.page.evaluate(() => (window as unknown as BenchWindow).readinessLab.rowsOnly(1))
    await cdp.send('Profiler.start')
    await app.page.evaluate((n) => (window as unknown as BenchWindow).readinessLab.rowsOnly(n), runs)
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }
    const byId = new Map(profile.nodes.map((n) => [n.id, n]))
    const parentOf = new Map<number, number>()
    for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id)
    const name = (id: number) => {
      const frame = byId.get(id)?.callFrame
      if (!frame) return '?'
      const file = frame.url.replace(/^.*\//, '')
      return `${frame.functionName || '(anonymous)'}${file ? ` (${file}:${frame.lineNumber + 1})` : ''}`
    }
    const self = new Map<string, number>()
    const inclusive = new Map<string, number>()
    let busy = 0
    for (let i = 0; i < profile.samples.length; i += 1) {
      const id = profile.samples[i] ?? -1
      const fn = byId.get(id)?.callFrame.functionName ?? ''
      if (fn === '(idle)' || fn === '(program)' || fn === '(root)') continue
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000
      busy += dt
      self.set(name(id), (self.get(name(id)) ?? 0) + dt)
      const stack = new Set<string>()
      for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) stack.add(name(at))
      // Frames of the bundle only: the evaluate wrapper and V8's own frames say nothing of the app's code.
      for (const frame of stack) if (frame.includes('.js:')) inclusive.set(frame, (inclusive.get(frame) ?? 0) + dt)
    }
    const top = (m: Map<string, number>, n: number) =>
      [...m.entries()]
        .filter(([k]) => !k.startsWith('(root)'))
        .sort((a, b) => b[1] - a[1])
        .slice(0, n)
        .map(([k, v]) => `${k} ${Math.round((v / busy) * 100)} %`)
        .join('; ')
    return { runs, busyMs: busy, self: top(self, 10), inclusive: top(inclusive, 14) }
  } finally {
    await cdp.detach()
  }
}
