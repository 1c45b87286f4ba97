import { isAppUrl } from '../security/harden'

/** What a main-frame navigation says about itself, from Electron's 'did-start-navigation'. */
export type StartedNavigation = {
  readonly url: string
  readonly isMainFrame: boolean
  readonly isSameDocument: boolean
}

/** The events of a window's web contents used here; tests pass a fake. */
export type PageEvents = {
  on(event: 'did-start-navigation', listener: (details: StartedNavigation) => void): unknown
  on(event: 'render-process-gone', listener: () => void): unknown
  on(event: 'destroyed', listener: () => void): unknown
}

/** The part of Electron's app used to finish transfers before quitting. */
export type QuittingApp = {
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown
  quit(): void
}

/**
 * Calls abandon whenever the page holding open saves and read handles is gone
 * for good: it reloads or loads another document of the app, its renderer
 * crashes or is killed, or the window closes. The new page knows nothing of
 * them and will never send the rest of a save. A hash change (the app's own
 * routing) stays in the same document and keeps them; a navigation elsewhere
 * is refused by harden.ts, so it is not the page going either.
 */
export function abandonWhenPageGoes(contents: PageEvents, appOrigin: string, abandon: () => void): void {
  contents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument && isAppUrl(details.url, appOrigin)) abandon()
  })
  contents.on('render-process-gone', () => abandon())
  contents.on('destroyed', () => abandon())
}

/** Holds the quit until abandoned saves have removed their temporary files, so none is left beside a target. */
export function finishTransfersBeforeQuit(app: QuittingApp, finish: () => Promise<void>): void {
  let finished = false
  app.on('will-quit', (event) => {
    if (finished) return
    event.preventDefault()
    void finish()
      .catch(() => undefined)
      .finally(() => {
        finished = true
        app.quit()
      })
  })
}
