import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { contentSecurityPolicy } from '../../main/security/csp'
import { launchApp, type App } from '../../test/e2e/harness'
import { serveFolder, testOrigin } from '../../test/e2e/static-route'
import { bundleBrowserCode } from './bundle-browser-code'

/** Where the bench's own page is served, beside the app, on the app's origin. */
export const benchPageUrl = `${testOrigin}/bench/index.html`

export type BenchBundles = {
  readonly dir: string
  /** The script injected into every document, when the bench has one. */
  readonly initScript?: string
  remove(): Promise<void>
}

/**
 * Builds, once for every launch, the bench's page (an ES module served at
 * /bench/) and a script injected into every document before the page's own
 * (for timing the app without changing it).
 */
export async function buildBenchBundles(entries: {
  readonly page: string
  readonly initScript?: string
}): Promise<BenchBundles> {
  const dir = await mkdtemp(join(tmpdir(), 'wwa-lab-bench-bundles-'))
  const remove = () => rm(dir, { recursive: true, force: true })
  try {
    const page = await bundleBrowserCode(entries.page, dir, 'es')
    const initScript =
      entries.initScript === undefined ? undefined : await bundleBrowserCode(entries.initScript, dir, 'iife')
    await writeFile(
      join(dir, 'index.html'),
      `<!doctype html><meta charset="utf-8"><title>bench</title><script type="module" src="./${basename(page)}"></script>`,
    )
    return { dir, ...(initScript === undefined ? {} : { initScript }), remove }
  } catch (error) {
    await remove()
    throw error
  }
}

/**
 * The built app exactly as the e2e tests launch it (real bridge, app CSP,
 * fresh profile), plus the bench's page at /bench/ on the same origin, so it
 * shares the app's IndexedDB, and the init script in every later document.
 */
export async function launchAppForBench(bundles: BenchBundles): Promise<App> {
  const app = await launchApp()
  try {
    // Registered after the app's catch-all route, so it is asked first (Playwright runs the newest match first).
    const serve = serveFolder({ root: bundles.dir, contentSecurityPolicy })
    await app.context.route(`${testOrigin}/bench/**`, (route) =>
      serve(route, new URL(route.request().url()).pathname.replace(/^\/bench/, '')),
    )
    if (bundles.initScript !== undefined)
      await app.context.addInitScript({ content: await readFile(bundles.initScript, 'utf8') })
    return app
  } catch (error) {
    await app.close()
    throw error
  }
}
