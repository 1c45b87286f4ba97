import { goneWords, unresponsiveWords, type GoneDetails, type TroubleWords } from './renderer-trouble-words'

/** A message box as Electron's dialog.showMessageBox takes it; resolves with the index of the button chosen. */
export type TroubleQuestion = TroubleWords & {
  readonly type: 'error' | 'warning'
  readonly title: string
  readonly buttons: readonly string[]
  readonly defaultId: number
  /** What closing the box without a button means: never a choice that leaves a blank window. */
  readonly cancelId: number
  /** Closes the box as if cancelled: the page answered again while the person was deciding. */
  readonly signal?: AbortSignal
}

/** The window's web contents as used here; tests pass a fake. */
export type TroubledContents = {
  on(event: 'render-process-gone', listener: (event: unknown, details: GoneDetails) => void): unknown
  on(event: 'unresponsive', listener: () => void): unknown
  on(event: 'responsive', listener: () => void): unknown
  isDestroyed(): boolean
  reload(): void
  forcefullyCrashRenderer(): void
}

export type RendererTroubleDeps = {
  ask(question: TroubleQuestion): Promise<number>
  quit(): void
  now?: () => number
  setTimer?: (run: () => void, ms: number) => unknown
  clearTimer?: (timer: unknown) => void
  /** After "Wait", how long a page that is still not responding gets before the question comes back. */
  readonly waitAgainMs?: number
}

// Fifteen seconds: long enough that "Wait" means something on a loaded
// machine, short enough that a page hung for good is never left frozen unasked.
export const defaultWaitAgainMs = 15_000
// A renderer gone within a minute of the reload meant to cure it: reloading is not helping.
const soonAfterReloadMs = 60_000
// The renderer killed here to reload a hung page reports itself gone; that is not news to the person.
const ownKillMs = 10_000

const title = 'WWA Lab'

/**
 * Never a blank or frozen window: when the window's renderer is gone
 * (crashed, killed, out of memory…) the person is told which, in words, and
 * offered Reload or Quit; when the page stops responding they may Wait (the
 * question comes back if it is still stuck), Reload (the hung renderer is
 * ended first, as a plain reload would wait on it) or Quit. The question
 * closes by itself if the page answers again meanwhile. Saves under way are
 * abandoned by transfer-lifetime.ts, which watches the same events.
 */
export function watchRendererTrouble(contents: TroubledContents, deps: RendererTroubleDeps): void {
  const now = deps.now ?? Date.now
  const setTimer = deps.setTimer ?? ((run: () => void, ms: number) => setTimeout(run, ms))
  const clearTimer = deps.clearTimer ?? ((timer: unknown) => clearTimeout(timer as ReturnType<typeof setTimeout>))
  const waitAgainMs = deps.waitAgainMs ?? defaultWaitAgainMs

  let asking: 'gone' | 'unresponsive' | undefined
  let closeUnresponsiveQuestion: AbortController | undefined
  let unresponsive = false
  let waitTimer: unknown
  let reloadedAt: number | undefined
  let killedAt: number | undefined

  const stopWaiting = () => {
    if (waitTimer !== undefined) clearTimer(waitTimer)
    waitTimer = undefined
  }
  const reload = () => {
    reloadedAt = now()
    contents.reload()
  }
  const endHungRenderer = () => {
    killedAt = now()
    contents.forcefullyCrashRenderer()
  }

  const askAboutGone = async (details: GoneDetails) => {
    const again = reloadedAt !== undefined && now() - reloadedAt < soonAfterReloadMs
    asking = 'gone'
    let choice: number
    try {
      choice = await deps.ask({
        type: 'error',
        title,
        ...goneWords(details, again),
        buttons: ['Reload', 'Quit'],
        defaultId: 0,
        cancelId: 0,
      })
    } catch {
      choice = 0 // A box that could not be shown must not leave the window blank.
    } finally {
      asking = undefined
    }
    if (contents.isDestroyed()) return
    if (choice === 1) deps.quit()
    else reload()
  }

  const askAboutUnresponsive = async () => {
    const closer = new AbortController()
    closeUnresponsiveQuestion = closer
    asking = 'unresponsive'
    let choice: number
    try {
      choice = await deps.ask({
        type: 'warning',
        title,
        ...unresponsiveWords,
        buttons: ['Wait', 'Reload', 'Quit'],
        defaultId: 0,
        cancelId: 0,
        signal: closer.signal,
      })
    } catch {
      choice = 0
    } finally {
      if (closeUnresponsiveQuestion === closer) closeUnresponsiveQuestion = undefined
      if (asking === 'unresponsive') asking = undefined
    }
    // The page answered, or went, while the person decided: their answer was about a page that is no more.
    if (closer.signal.aborted || !unresponsive || contents.isDestroyed()) return
    if (choice === 1) {
      endHungRenderer()
      reload()
    } else if (choice === 2) {
      endHungRenderer()
      deps.quit()
    } else {
      waitTimer = setTimer(() => {
        waitTimer = undefined
        if (unresponsive && asking === undefined && !contents.isDestroyed()) void askAboutUnresponsive()
      }, waitAgainMs)
    }
  }

  contents.on('render-process-gone', (_event, details) => {
    unresponsive = false
    stopWaiting()
    closeUnresponsiveQuestion?.abort()
    // A window closing takes its renderer with it; the renderer ended here to reload a hung page is expected.
    if (contents.isDestroyed()) return
    if (killedAt !== undefined && now() - killedAt < ownKillMs) {
      killedAt = undefined
      return
    }
    if (asking === 'gone') return
    void askAboutGone(details)
  })

  contents.on('unresponsive', () => {
    unresponsive = true
    if (asking !== undefined || waitTimer !== undefined) return
    void askAboutUnresponsive()
  })

  contents.on('responsive', () => {
    unresponsive = false
    stopWaiting()
    closeUnresponsiveQuestion?.abort()
  })
}
