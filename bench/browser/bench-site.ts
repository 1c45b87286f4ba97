import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import type { Page } from 'playwright-core'
import { contentSecurityPolicy } from '../../main/security/csp'
import { launchChromium } from '../../test/e2e/launch-chromium'
import { routeStaticSite, testOrigin } from '../../test/e2e/static-route'
import { watchProblems } from '../../test/e2e/watch-problems'
import { bundleBrowserCode } from './bundle-browser-code'

export type BenchPage = { readonly page: Page; close(): Promise<void> }

export type BenchSite = {
  /** Opens the page in Chromium on a fresh profile, so no figure inherits another's database files. */
  open(): Promise<BenchPage>
  remove(): Promise<void>
}

/**
 * Bundles one browser entry (as electron-vite builds the renderer) into a
 * temp site served at the app's origin under the app's CSP: the same storage
 * engine, origin and durability the renderer gets.
 */
export async function buildBenchSite(entry: string): Promise<BenchSite> {
  const siteDir = await mkdtemp(join(tmpdir(), 'wwa-lab-bench-site-'))
  const remove = () => rm(siteDir, { recursive: true, force: true })
  try {
    const script = await bundleBrowserCode(entry, siteDir, 'es')
    await writeFile(
      join(siteDir, 'index.html'),
      `<!doctype html><meta charset="utf-8"><title>bench</title><script type="module" src="./${basename(script)}"></script>`,
    )
  } catch (error) {
    await remove()
    throw error
  }
  return { open: () => openSite(siteDir), remove }
}

async function openSite(siteDir: string): Promise<BenchPage> {
  const profileDir = await mkdtemp(join(tmpdir(), 'wwa-lab-bench-profile-'))
  const context = await launchChromium(profileDir)
  const close = async () => {
    await context.close()
    await rm(profileDir, { recursive: true, force: true })
  }
  try {
    const watch = await watchProblems(context, testOrigin)
    await routeStaticSite(context, { root: siteDir, contentSecurityPolicy })
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(`${testOrigin}/`, { waitUntil: 'load' })
    if (watch.problems.length > 0) throw new Error(`The bench page did not load cleanly:\n${watch.problems.join('\n')}`)
    return { page, close }
  } catch (error) {
    await close()
    throw error
  }
}
