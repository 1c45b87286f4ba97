import { appOrigin } from '../app-origin'

export type RendererSource = {
  /** The URL the main window loads. */
  readonly entryUrl: string
  /** The one origin whose main frame may call window.lab and navigate. */
  readonly origin: string
  /** Origins besides app:, blob:, data: and devtools: that requests may reach. */
  readonly extraRequestOrigins: readonly string[]
}

const localHosts = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * Where the renderer comes from: always app://wwa-lab in a packaged app; in
 * development, `electron-vite dev` passes its local dev server so edits reload.
 * A dev server URL that is not plain http on this machine is ignored.
 */
export function chooseRendererSource(options: {
  readonly isPackaged: boolean
  readonly devServerUrl: string | undefined
}): RendererSource {
  const packagedSource: RendererSource = {
    entryUrl: `${appOrigin}/index.html`,
    origin: appOrigin,
    extraRequestOrigins: [],
  }
  if (options.isPackaged || options.devServerUrl === undefined || options.devServerUrl === '') return packagedSource
  let url: URL
  try {
    url = new URL(options.devServerUrl)
  } catch {
    return packagedSource
  }
  if (url.protocol !== 'http:' || !localHosts.has(url.hostname)) return packagedSource
  // Vite's hot reload talks over a WebSocket to the same host and port.
  return { entryUrl: url.href, origin: url.origin, extraRequestOrigins: [url.origin, `ws://${url.host}`] }
}
