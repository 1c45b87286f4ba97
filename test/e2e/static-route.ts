import { readFile, stat } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'
import type { BrowserContext } from 'playwright-core'

/** The origin the built renderer is served at in tests: a secure context, answered by a route, no server. */
export const testOrigin = 'https://wwa-lab.localhost'

const mimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
}

export const mimeTypeOf = (path: string): string => mimeTypes[extname(path).toLowerCase()] ?? 'application/octet-stream'

/**
 * The file under root that a URL path names, or undefined when it would leave
 * root. Chromium normalises "..", but an encoded slash (..%2f) survives it, so
 * the check is made on the decoded, resolved path.
 */
export function assetPath(root: string, pathname: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return undefined
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined
  const base = resolve(root)
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '')
  const full = resolve(base, relative)
  return full.startsWith(base + sep) ? full : undefined
}

export type StaticSiteOptions = {
  readonly root: string
  readonly contentSecurityPolicy: string
  readonly origin?: string
}

/**
 * Answers every request to the origin from files under root, with the app's
 * CSP on every response, as the app:// protocol handler does. Requests to any
 * other origin are aborted; the caller records them from the request event,
 * which also sees requests that CSP blocked before they reached the network.
 */
export async function routeStaticSite(context: BrowserContext, options: StaticSiteOptions): Promise<void> {
  const origin = options.origin ?? testOrigin
  const headers = (contentType: string) => ({
    'content-type': contentType,
    'content-security-policy': options.contentSecurityPolicy,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  })
  const refuse = (status: number, text: string) => ({ status, headers: headers('text/plain; charset=utf-8'), body: text })

  await context.route('**/*', async (route) => {
    const request = route.request()
    const url = new URL(request.url())
    if (url.origin !== origin) return route.abort('blockedbyclient')
    if (request.method() !== 'GET' && request.method() !== 'HEAD') return route.fulfill(refuse(405, 'Method not allowed'))
    const file = assetPath(options.root, url.pathname)
    if (!file) return route.fulfill(refuse(403, `Refused ${url.pathname}: it is outside the served folder.`))
    const isFile = await stat(file).then((s) => s.isFile(), () => false)
    if (!isFile) return route.fulfill(refuse(404, `Not found: ${url.pathname}`))
    return route.fulfill({ status: 200, headers: headers(mimeTypeOf(file)), body: await readFile(file) })
  })
}
