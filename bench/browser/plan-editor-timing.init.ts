// Injected into every document before the page's own scripts (context.addInitScript),
// bundled by vite as an IIFE. It times the built plan editor without changing it: its
// first rows with a MutationObserver, each move between cells from the key press to
// the frame that shows the focus on the new cell.

import { afterNextFrame, frameMs, nextFrame, sleep } from './frames'

/** One fresh open, in ms from the start of the navigation (the document's time origin). */
export type EditorOpen = {
  /** The DOM shows the grid with its first case row. */
  readonly shown: number
  /** The frame after that has been produced, so it is on screen. */
  readonly painted: number
  /** How many case rows the grid drew. */
  readonly rowsDrawn: number
}

/** Per key press, ms from the press: to the frame showing the move, and to the end of the app's handling of the key. */
export type MoveTimes = { readonly drawn: number[]; readonly handled: number[] }

export type PlanEditorTiming = {
  opened(): Promise<EditorOpen>
  /**
   * Opens the editor as a person does in the running app: from the plans list (already
   * drawn), a link to the editor's address; ms from following the link.
   */
  openInApp(editorHash: string): Promise<EditorOpen>
  /** Focuses the cell, then presses each key in turn and times it. */
  moves(startCell: string, keys: readonly string[]): Promise<MoveTimes>
}

const grid = () => document.querySelector<HTMLElement>('[role="grid"][aria-label="Cases"]')
const firstRow = () => grid()?.querySelector('[role="row"][aria-rowindex="2"] [data-cell]') ?? null

const opened = new Promise<EditorOpen>((resolve) => {
  const observer = new MutationObserver(() => {
    if (firstRow() === null) return
    const shown = performance.now()
    observer.disconnect()
    const rowsDrawn = grid()?.querySelectorAll('[role="rowgroup"] [role="row"][aria-rowindex]').length ?? 0
    void afterNextFrame().then((painted) => resolve({ shown, painted, rowsDrawn: rowsDrawn - 1 }))
  })
  observer.observe(document, { subtree: true, childList: true })
})

/** A key press as the grid receives it: keydown on the focused cell, bubbling to the grid's handler. */
const press = (key: string) =>
  (document.activeElement ?? document.body).dispatchEvent(
    new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }),
  )

async function moves(startCell: string, keys: readonly string[]): Promise<MoveTimes> {
  const start = grid()?.querySelector<HTMLElement>(`[data-cell="${startCell}"]`)
  if (!start) throw new Error(`The grid has no cell ${startCell}.`)
  start.focus()
  const times: MoveTimes = { drawn: [], handled: [] }
  for (const key of keys) {
    // Between presses the app settles, as between a person's keys; each press then starts
    // as a task at a random point of a frame, as a real key press arrives.
    await nextFrame()
    await nextFrame()
    await sleep(Math.random() * frameMs)
    const before = document.activeElement
    const t0 = performance.now()
    press(key)
    // React renders a key press's update in a microtask queued during the event: after this one, its render,
    // layout effects and the focus move are done.
    await Promise.resolve()
    times.handled.push(performance.now() - t0)
    const painted = await afterNextFrame()
    const now = document.activeElement
    if (now === before || !(now instanceof HTMLElement) || now.dataset['cell'] === undefined) {
      throw new Error(`${key} did not move the focus to another cell (it is on ${now?.outerHTML.slice(0, 120)}).`)
    }
    times.drawn.push(painted - t0)
  }
  return times
}

const until = async (ready: () => boolean, what: string) => {
  const deadline = performance.now() + 10_000
  while (!ready()) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}.`)
    await nextFrame()
  }
}

async function openInApp(editorHash: string): Promise<EditorOpen> {
  location.hash = '#/plans'
  await until(() => grid() === null && document.querySelector('h1')?.textContent === 'Test plans', 'the plans list')
  await nextFrame()
  await nextFrame()
  const t0 = performance.now()
  const shownAt = new Promise<number>((resolve) => {
    const observer = new MutationObserver(() => {
      if (firstRow() === null) return
      observer.disconnect()
      resolve(performance.now())
    })
    observer.observe(document, { subtree: true, childList: true })
  })
  location.hash = editorHash
  const shown = await shownAt
  const rowsDrawn = grid()?.querySelectorAll('[role="rowgroup"] [role="row"][aria-rowindex]').length ?? 0
  const painted = await afterNextFrame()
  return { shown: shown - t0, painted: painted - t0, rowsDrawn: rowsDrawn - 1 }
}

const planEditorTiming: PlanEditorTiming = { opened: () => opened, openInApp, moves }
Object.assign(globalThis, { planEditorTiming })
