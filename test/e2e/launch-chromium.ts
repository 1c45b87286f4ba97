import { chromium, type BrowserContext } from 'playwright-core'

/** Debian's Chromium; Playwright's own browser download is not available offline. Override with WWA_LAB_CHROMIUM. */
export const chromiumPath = process.env.WWA_LAB_CHROMIUM ?? '/usr/bin/chromium'

/**
 * A headless Chromium on a persistent profile, so IndexedDB outlives a relaunch.
 * Background networking, component updates and sync are off: only the page's
 * own requests should ever appear, so any outside request is the app's fault.
 */
export function launchChromium(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}
