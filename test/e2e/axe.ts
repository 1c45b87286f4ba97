import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import type { AxeResults, Result } from 'axe-core'

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
let axeSource: Promise<string> | undefined

/** An axe-core finding as a line a person can act on: the rule, its impact, and the first elements it names. */
const describe = (violation: Result) =>
  `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help}; ${violation.nodes
    .slice(0, 3)
    .map((node) => node.target.join(' '))
    .join(' | ')}`

/**
 * Runs axe-core over the page as it is now and returns its serious and critical
 * findings, described. Evaluated through the debugging protocol, so the app's
 * Content-Security-Policy (no inline scripts) stays as it is.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  axeSource ??= readFile(axePath, 'utf8')
  const source = await axeSource
  const hasAxe = await page.evaluate(() => 'axe' in globalThis)
  if (!hasAxe) await page.evaluate(source)
  const results = (await page.evaluate(() =>
    (globalThis as unknown as { axe: { run: (context: Document) => Promise<unknown> } }).axe.run(document),
  )) as AxeResults
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(describe)
}
