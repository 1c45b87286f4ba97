import type { Page } from 'playwright-core'

/** How long the window's thread was blocked at most, three ways. */
export type Blocks = {
  readonly longestTask: number
  readonly longestTimerGap: number
  readonly longestFrameGap: number
}
type BlockWindow = Window & { __blocks?: { longestTask: number; longestTimerGap: number; longestFrameGap: number } }

const timerMillis = 20

/**
 * Watches the window's thread from now on: Chromium's long tasks (any task over 50 ms,
 * with its duration), and the gaps between ticks of a 20 ms timer and between animation
 * frames, which grow by however long the thread was busy.
 */
export async function watchBlocks(page: Page): Promise<void> {
  await page.evaluate((interval) => {
    const state = { longestTask: 0, longestTimerGap: 0, longestFrameGap: 0 }
    ;(window as BlockWindow).__blocks = state
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.longestTask = Math.max(state.longestTask, entry.duration)
    }).observe({ type: 'longtask', buffered: false })
    let lastTick = performance.now()
    setInterval(() => {
      const now = performance.now()
      state.longestTimerGap = Math.max(state.longestTimerGap, now - lastTick - interval)
      lastTick = now
    }, interval)
    let lastFrame = performance.now()
    const frame = (now: number) => {
      state.longestFrameGap = Math.max(state.longestFrameGap, now - lastFrame)
      lastFrame = now
      requestAnimationFrame(frame)
    }
    requestAnimationFrame(frame)
  }, timerMillis)
}

export async function blocksSoFar(page: Page): Promise<Blocks> {
  const blocks = await page.evaluate(() => (window as BlockWindow).__blocks)
  if (blocks === undefined) throw new Error('the block watch was not installed')
  return blocks
}
