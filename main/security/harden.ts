import type { App, Session, WebContents } from 'electron'
import { originOf } from '../app-origin'

// The Electron objects arrive as parameters, narrowed to what is used here,
// so tests can hand in fakes and check that each door is shut.
export type HardenableContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>
export type HardenableSession = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'setSpellCheckerEnabled'
> & { readonly webRequest: Pick<Session['webRequest'], 'onBeforeRequest'> }
export type HardenableApp = Pick<App, 'on'>

/** Schemes a page may load from without touching the network; devtools: so DevTools can open. */
const localSchemes = new Set(['app:', 'blob:', 'data:', 'devtools:'])

/** True when url is a page of the app itself (same scheme, host and port as appOrigin). */
export function isAppUrl(url: string, appOrigin: string): boolean {
  return originOf(url) === appOrigin
}

/**
 * True for requests that stay on this machine: app:, blob:, data:, devtools:,
 * plus the given origins (the dev server, in development only).
 */
export function isAllowedRequestUrl(url: string, extraOrigins: readonly string[] = []): boolean {
  let protocol: string
  try {
    protocol = new URL(url).protocol
  } catch {
    return false
  }
  if (localSchemes.has(protocol)) return true
  const origin = originOf(url)
  return origin !== undefined && extraOrigins.includes(origin)
}

/** No navigation away from the app, no new windows, no <webview>. */
export function hardenWebContents(contents: HardenableContents, options: { readonly appOrigin: string }): void {
  const stayInApp = (event: { readonly url: string; preventDefault(): void }): void => {
    if (!isAppUrl(event.url, options.appOrigin)) event.preventDefault()
  }
  contents.on('will-navigate', stayInApp)
  contents.on('will-frame-navigate', stayInApp)
  contents.on('will-redirect', stayInApp)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

/**
 * Every permission denied but one: the app's own pages may keep their storage
 * persistent (navigator.storage.persist), so Chromium never evicts the lab's
 * data under disk pressure. Every request that would leave the machine is cancelled.
 */
export function hardenSession(
  session: HardenableSession,
  options: { readonly appOrigin: string; readonly extraOrigins?: readonly string[] },
): void {
  const extraOrigins = options.extraOrigins ?? []
  const mayPersist = (permission: string, origin: string | undefined) =>
    permission === 'persistent-storage' && origin === options.appOrigin
  // On Windows and Linux the spell-checker downloads dictionaries from Google's servers.
  session.setSpellCheckerEnabled(false)
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(mayPersist(permission, originOf(details.requestingUrl))),
  )
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    mayPersist(permission, originOf(requestingOrigin)),
  )
  session.setDevicePermissionHandler(() => false)
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, extraOrigins) })
  })
}

/** Applies hardenWebContents to every web contents the app ever creates, not only the main window. */
export function hardenApp(app: HardenableApp, options: { readonly appOrigin: string }): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, options))
}
