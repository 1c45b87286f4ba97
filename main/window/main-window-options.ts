import type { BrowserWindowConstructorOptions } from 'electron'

/**
 * The main window: no Node in the page, the preload isolated from it and
 * sandboxed, no <webview>, no spell-check (Chromium would download
 * dictionaries, and the app makes no network request).
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    title: 'WWA Lab',
    // Shown on ready-to-show, so the person never sees an empty white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  }
}
