import type { Page } from 'playwright-core'
import { build, type Rolldown } from 'vite'

/**
 * Bundles a module of the renderer with the app's own build tool into one
 * script that leaves its exports on `globalThis[globalName]`, so a test runs
 * in Chromium the code the app will ship where no screen reaches it directly
 * (a client nothing calls yet, a worker's work done on the page's thread).
 */
export async function bundleForPage(entry: string, globalName: string): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: {
      write: false,
      minify: false,
      lib: { entry, formats: ['iife'], name: globalName, fileName: globalName },
    },
  })
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[]
  const chunk = outputs.flatMap((output) => output.output).find((item) => item.type === 'chunk')
  if (chunk === undefined || chunk.type !== 'chunk') throw new Error(`Bundling ${entry} produced no script.`)
  return `(() => { ${chunk.code}\n; globalThis.${globalName} = ${globalName} })()`
}

/**
 * Runs the bundle in the page. Through DevTools, as page.evaluate does: an
 * inline script tag would be refused by the app's CSP, rightly.
 */
export async function installInPage(page: Page, bundle: string): Promise<void> {
  await page.evaluate(bundle)
}
