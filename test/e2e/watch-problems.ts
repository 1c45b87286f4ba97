import type { BrowserContext } from 'playwright-core'

export type ProblemWatch = {
  readonly problems: readonly string[]
  /** Each URL once, in the order first seen. */
  readonly requestsOutsideOrigin: readonly string[]
  /** Adds a problem found outside the browser (an unanswered dialog). */
  report(problem: string): void
}

// Not network: these never leave the process, whatever their origin says.
const localSchemes = new Set(['data:', 'blob:', 'about:'])
const violationBinding = '__labCspViolation'

/**
 * Collects everything SPEC §8 says must not happen: a request leaving the app's
 * origin, a CSP violation, an uncaught error, a console error, a new window.
 */
export async function watchProblems(context: BrowserContext, origin: string): Promise<ProblemWatch> {
  const problems: string[] = []
  const requestsOutsideOrigin: string[] = []

  const recordOutside = (href: string, method: string) => {
    let url: URL
    try {
      url = new URL(href)
    } catch {
      return // 'inline', 'eval' and the like: a CSP violation, but not a request (the console reports it)
    }
    if (url.origin === origin || localSchemes.has(url.protocol) || requestsOutsideOrigin.includes(href)) return
    requestsOutsideOrigin.push(href)
    problems.push(`Request outside the app's origin: ${method} ${href}`)
  }

  // Resource loads (images, scripts, navigations) reach the request event even when CSP blocks them...
  context.on('request', (request) => recordOutside(request.url(), request.method()))
  // ...but fetch and XHR are refused inside the renderer and never do; the page's own violation event names them.
  await context.exposeBinding(violationBinding, (_source, blockedURI: unknown) => {
    if (typeof blockedURI === 'string') recordOutside(blockedURI, 'GET')
  })
  await context.addInitScript({
    content: `(() => {
  const report = globalThis.${violationBinding};
  delete globalThis.${violationBinding};
  document.addEventListener('securitypolicyviolation', (event) => { void report(event.blockedURI); }, true);
})();`,
  })

  context.on('console', (message) => {
    if (message.type() !== 'error') return
    const text = message.text()
    const where = message.location().url ? ` (${message.location().url}:${message.location().lineNumber})` : ''
    problems.push(/Content Security Policy/i.test(text) ? `CSP violation: ${text}` : `Console error: ${text}${where}`)
  })
  context.on('weberror', (webError) => {
    const error = webError.error()
    problems.push(`Uncaught error in the page: ${error.stack ?? error.message}`)
  })
  // The first page exists before this listener; any later one is a window the app must not open.
  context.on('page', (page) => problems.push(`A new window was opened: ${page.url()}`))

  return { problems, requestsOutsideOrigin, report: (problem) => problems.push(problem) }
}
