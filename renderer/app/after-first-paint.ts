/**
 * Runs `work` once the window has painted, `delayMs` has passed and the window is
 * idle: background work that reads much (a count of the history tables, a daily
 * backup) must not stand between a person and the screen they opened, whose own
 * reads are still under way when the shell first paints. Returns the cancel.
 */
export function afterFirstPaint(work: () => void, delayMs = 0): () => void {
  let cancelled = false
  let idle: number | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  const run = () => {
    if (!cancelled) work()
  }
  const whenIdle = () => {
    // Idle time, within a second however busy the window is; engines without idle callbacks run it now.
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(run, { timeout: 1_000 })
    else run()
  }
  const frame =
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => (timer = setTimeout(whenIdle, delayMs)))
      : ((timer = setTimeout(whenIdle, delayMs)), undefined)
  return () => {
    cancelled = true
    if (frame !== undefined && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(frame)
    if (timer !== undefined) clearTimeout(timer)
    if (idle !== undefined && typeof cancelIdleCallback === 'function') cancelIdleCallback(idle)
  }
}
