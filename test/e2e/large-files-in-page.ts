import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { build, type Rolldown } from 'vite'
import type { readPickedFile } from '../../renderer/widgets/large-files/read-picked-file'
import type { saveFile } from '../../renderer/widgets/large-files/save-file'

/** The renderer's large-file client, as page code finds it once installed. */
export type LargeFilesGlobal = { readonly saveFile: typeof saveFile; readonly readPickedFile: typeof readPickedFile }

const globalName = '__largeFiles'
const entry = fileURLToPath(new URL('./large-files-entry.ts', import.meta.url))

/**
 * Bundles renderer/widgets/large-files with the app's own build tool into one
 * script, so the test runs the client the app will ship, in Chromium, against
 * window.lab. No feature imports it yet, so the built renderer does not hold it.
 */
export async function bundleLargeFiles(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: {
      write: false,
      minify: false,
      lib: { entry, formats: ['iife'], name: globalName, fileName: 'large-files' },
    },
  })
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[]
  const chunk = outputs.flatMap((output) => output.output).find((item) => item.type === 'chunk')
  if (chunk === undefined || chunk.type !== 'chunk')
    throw new Error('Bundling renderer/widgets/large-files produced no script.')
  return chunk.code
}

/**
 * Runs the bundle in the page. Through DevTools, as page.evaluate does: an
 * inline script tag would be refused by the app's CSP, rightly.
 */
export async function installLargeFiles(page: Page, bundle: string): Promise<void> {
  await page.evaluate(`(() => { ${bundle}\n; globalThis.${globalName} = ${globalName} })()`)
}
