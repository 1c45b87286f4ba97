// Injected into every document before the app's scripts, beside lab-year-timing.init.ts, by the
// readiness-open bench: where an open of the readiness matrix spends its time, read from outside
// the app (it has no performance marks of its own). The moment the page is mounted (its heading and
// "Loading…" drawn: the catalogue query has been asked), every long task (over 50 ms) of the window's
// thread, and the moment the Listings table first holds a row. useLiveQuery's answer is rendered in one
// task (readinessRows() runs in the render, then React commits), so the long task the table appears in
// is "rows and render", and mounted → that task's start is the catalogue read.

export type LongTask = { readonly start: number; readonly duration: number }

/** performance.now() readings of this document. */
export type ReadinessOpenMarks = {
  /** "Badge readiness" drawn with its "Loading…" line, or null before it has been. */
  readonly mounted: number | null
  /** The Listings table holds its first row, or null before it does. */
  readonly listed: number | null
  readonly longTasks: readonly LongTask[]
}

export type ReadinessOpenWatch = {
  /** Forgets the marks so far: the next open (from another screen) is marked afresh. */
  reset(): void
  marks(): ReadinessOpenMarks
}

let mounted: number | null = null
let listed: number | null = null
const longTasks: LongTask[] = []

const loadingShown = () =>
  document.getElementById('reviews-title')?.closest('section')?.querySelector('p.muted')?.textContent === 'Loading…'
const tableShown = () => document.querySelector('table[aria-label="Listings"] tbody tr td a') !== null

new MutationObserver(() => {
  if (mounted === null && loadingShown()) mounted = performance.now()
  if (listed === null && tableShown()) listed = performance.now()
}).observe(document, { subtree: true, childList: true })

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration })
}).observe({ type: 'longtask', buffered: true })

const readinessOpenWatch: ReadinessOpenWatch = {
  reset() {
    mounted = null
    listed = null
    longTasks.length = 0
  },
  marks: () => ({ mounted, listed, longTasks: [...longTasks] }),
}
Object.assign(globalThis, { readinessOpenWatch })
