import { readFile } from 'node:fs/promises'
import type { BrowserContext } from 'playwright-core'
import type { AppInfo } from '../../core/bridge/contract'

/**
 * What app.info reports when the "shell" is Chromium under test: the real
 * package name and version, no Electron, and the Chromium actually running.
 */
export async function testAppInfo(context: BrowserContext): Promise<AppInfo> {
  const manifest = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
    name: string
    version: string
  }
  const page = context.pages()[0] ?? (await context.newPage())
  const session = await context.newCDPSession(page)
  try {
    const { product } = await session.send('Browser.getVersion')
    return {
      name: manifest.name,
      version: manifest.version,
      electron: null,
      chrome: product.split('/')[1] ?? null,
      node: process.versions.node,
      platform: process.platform,
    }
  } finally {
    await session.detach()
  }
}
