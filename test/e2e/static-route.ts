import type { BrowserContext, Route } from 'playwright-core'
import { createRendererHandler } from '../../main/protocol/serve-renderer'

/** The origin the built renderer is served at in tests: a secure context, answered by a route, no server. */
export const testOrigin = 'https://wwa-lab.localhost'

export type StaticSiteOptions = {
  readonly root: string
  readonly contentSecurityPolicy: string
  readonly origin?: string
}

/** A route answered by the app's own app:// handler: the same files, paths refused and headers as the app. */
export type FolderServer = (route: Route, pathname?: string) => Promise<void>

/** Serves files under root through main's renderer handler; `pathname` overrides the request's (to serve a sub-path). */
export function serveFolder(options: StaticSiteOptions): FolderServer {
  const origin = new URL(options.origin ?? testOrigin)
  const handle = createRendererHandler({
    root: options.root,
    host: origin.host,
    contentSecurityPolicy: options.contentSecurityPolicy,
  })
  return async (route, pathname) => {
    const request = route.request()
    const url = new URL(request.url())
    if (pathname !== undefined) url.pathname = pathname
    const response = await handle(new Request(url, { method: request.method() }))
    await route.fulfill({
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: Buffer.from(await response.arrayBuffer()),
    })
  }
}

/**
 * Answers every request to the origin from files under root, exactly as the
 * app:// protocol handler does. Requests to any other origin are aborted; the
 * caller records them from the request event, which also sees requests that
 * CSP blocked before they reached the network.
 */
export async function routeStaticSite(context: BrowserContext, options: StaticSiteOptions): Promise<void> {
  const origin = options.origin ?? testOrigin
  const serve = serveFolder(options)
  await context.route('**/*', async (route) => {
    if (new URL(route.request().url()).origin !== origin) return route.abort('blockedbyclient')
    return serve(route)
  })
}
