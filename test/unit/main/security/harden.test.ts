import { describe, expect, it, vi } from 'vitest'
import {
  hardenApp,
  hardenSession,
  hardenWebContents,
  isAllowedRequestUrl,
  type HardenableApp,
  type HardenableContents,
  type HardenableSession,
} from '../../../../main/security/harden'

const appOrigin = 'app://wwa-lab'
type Listener = (...args: unknown[]) => unknown

/** A stand-in for WebContents that records what was attached to it. */
function fakeContents() {
  const listeners = new Map<string, Listener>()
  let openHandler: Listener | undefined
  const contents = {
    on: (event: string, listener: Listener) => {
      listeners.set(event, listener)
      return contents
    },
    setWindowOpenHandler: (handler: Listener) => {
      openHandler = handler
    },
  }
  const navigate = (event: string, url: string): boolean => {
    const listener = listeners.get(event)
    if (listener === undefined) throw new Error(`nothing listens to ${event}`)
    const preventDefault = vi.fn()
    listener({ url, preventDefault }, url)
    return preventDefault.mock.calls.length > 0
  }
  return {
    contents: contents as unknown as HardenableContents,
    listeners,
    navigate,
    openWindow: (url: string) => openHandler?.({ url }),
  }
}

function fakeSession() {
  const handlers: Partial<Record<'request' | 'check' | 'device' | 'beforeRequest', Listener>> = {}
  const spellChecker = vi.fn()
  const session = {
    setSpellCheckerEnabled: spellChecker,
    setPermissionRequestHandler: (h: Listener) => (handlers.request = h),
    setPermissionCheckHandler: (h: Listener) => (handlers.check = h),
    setDevicePermissionHandler: (h: Listener) => (handlers.device = h),
    webRequest: { onBeforeRequest: (h: Listener) => (handlers.beforeRequest = h) },
  }
  const requestPermission = (permission: string, requestingUrl?: string): unknown => {
    const callback = vi.fn()
    handlers.request?.({}, permission, callback, { requestingUrl: requestingUrl ?? `${appOrigin}/index.html` })
    return callback.mock.calls[0]?.[0]
  }
  const cancels = (url: string): unknown => {
    const callback = vi.fn()
    handlers.beforeRequest?.({ url }, callback)
    return (callback.mock.calls[0]?.[0] as { cancel?: boolean } | undefined)?.cancel
  }
  return { session: session as unknown as HardenableSession, handlers, requestPermission, cancels, spellChecker }
}

describe('hardenWebContents', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    '%s: stops navigation to any other origin',
    (event) => {
      const page = fakeContents()
      hardenWebContents(page.contents, { appOrigin })
      for (const url of [
        'https://example.com/',
        'http://localhost:5173/',
        'file:///etc/passwd',
        'app://other/index.html',
        'javascript:alert(1)',
        'not a url',
      ]) {
        expect(page.navigate(event, url), url).toBe(true)
      }
    },
  )

  it('lets the app reload its own pages', () => {
    const page = fakeContents()
    hardenWebContents(page.contents, { appOrigin })
    expect(page.navigate('will-navigate', 'app://wwa-lab/index.html')).toBe(false)
  })

  it('denies every new window, whatever the URL', () => {
    const page = fakeContents()
    hardenWebContents(page.contents, { appOrigin })
    expect(page.openWindow('https://example.com/')).toEqual({ action: 'deny' })
    expect(page.openWindow('app://wwa-lab/index.html')).toEqual({ action: 'deny' })
  })

  it('prevents attaching a <webview>', () => {
    const page = fakeContents()
    hardenWebContents(page.contents, { appOrigin })
    expect(page.navigate('will-attach-webview', 'app://wwa-lab/index.html')).toBe(true)
  })
})

describe('hardenSession', () => {
  it('denies every permission request and check', () => {
    const fake = fakeSession()
    hardenSession(fake.session, { appOrigin })
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      expect(fake.requestPermission(permission), permission).toBe(false)
    }
    expect(fake.handlers.check?.({}, 'media', appOrigin, {})).toBe(false)
    expect(fake.handlers.device?.({ deviceType: 'usb', origin: appOrigin })).toBe(false)
  })

  it("lets only the app's own pages keep their storage persistent", () => {
    const fake = fakeSession()
    hardenSession(fake.session, { appOrigin })
    expect(fake.requestPermission('persistent-storage')).toBe(true)
    expect(fake.handlers.check?.({}, 'persistent-storage', appOrigin, {})).toBe(true)
    expect(fake.requestPermission('persistent-storage', 'https://example.com/')).toBe(false)
    expect(fake.handlers.check?.({}, 'persistent-storage', 'https://example.com', {})).toBe(false)
    expect(fake.handlers.check?.({}, 'persistent-storage', 'app://other', {})).toBe(false)
  })

  it('cancels every request that would leave the machine', () => {
    const fake = fakeSession()
    hardenSession(fake.session, { appOrigin })
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/',
      'ws://localhost:5173/',
      'ftp://files.example/',
      'file:///etc/passwd',
    ]) {
      expect(fake.cancels(url), url).toBe(true)
    }
  })

  it("lets the app's own, blob:, data: and devtools: requests through", () => {
    const fake = fakeSession()
    hardenSession(fake.session, { appOrigin })
    for (const url of [
      'app://wwa-lab/assets/index.js',
      'blob:app://wwa-lab/0b6e1c9a',
      'data:image/png;base64,AAAA',
      'devtools://devtools/bundled/index.html',
    ]) {
      expect(fake.cancels(url), url).toBe(false)
    }
  })

  it('turns off the spell-checker, which would download dictionaries', () => {
    const fake = fakeSession()
    hardenSession(fake.session, { appOrigin })
    expect(fake.spellChecker).toHaveBeenCalledWith(false)
  })

  it('lets the dev server through only when told to', () => {
    expect(isAllowedRequestUrl('http://localhost:5173/src/main.tsx')).toBe(false)
    expect(isAllowedRequestUrl('http://localhost:5173/src/main.tsx', ['http://localhost:5173'])).toBe(true)
    expect(isAllowedRequestUrl('http://localhost:5174/', ['http://localhost:5173'])).toBe(false)
  })
})

describe('hardenApp', () => {
  it('hardens every web contents the app creates, not only the first window', () => {
    let created: Listener | undefined
    const app = {
      on: (event: string, listener: Listener) => (event === 'web-contents-created' ? (created = listener) : undefined),
    }
    hardenApp(app as unknown as HardenableApp, { appOrigin })

    const later = fakeContents()
    created?.({}, later.contents)

    expect(later.navigate('will-navigate', 'https://example.com/')).toBe(true)
    expect(later.openWindow('https://example.com/')).toEqual({ action: 'deny' })
  })
})
