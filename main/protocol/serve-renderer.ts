import { readFile as readFileFromDisk } from 'node:fs/promises'
import { isAbsolute, join, relative, sep } from 'node:path'
import { mimeTypeFor } from '../mime-types'

export type RendererServerOptions = {
  /** Absolute path of the built renderer (out/renderer). Nothing outside it is ever served. */
  readonly root: string
  /** The only host answered, e.g. "wwa-lab" for app://wwa-lab/. */
  readonly host: string
  readonly contentSecurityPolicy: string
  readonly readFile?: (path: string) => Promise<Uint8Array<ArrayBuffer>>
}

export type ResolvedPath =
  { readonly ok: true; readonly path: string } | { readonly ok: false; readonly status: 403 | 404 }

// Chromium already folds "/../" and "%2e%2e" out of standard URLs before a
// handler sees them; these checks are the second wall, for whatever gets past.
const encodedSeparatorOrNul = /%(2f|5c|00)/i
// Opening these names on Windows reaches a device, not a file.
const windowsDeviceName = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i

/**
 * Maps a URL path to a file under root, or says why not: 403 for anything that
 * looks like an escape (dot segments, encoded or back slashes, NUL, drive
 * letters, empty segments), 404 for a name that is simply not served.
 */
export function resolveRendererPath(root: string, pathname: string): ResolvedPath {
  if (pathname === '/' || pathname === '') return { ok: true, path: join(root, 'index.html') }
  if (!pathname.startsWith('/')) return { ok: false, status: 403 }
  const raw = pathname.slice(1)
  if (raw.includes('\\') || raw.includes('\0') || encodedSeparatorOrNul.test(raw)) return { ok: false, status: 403 }

  const segments: string[] = []
  for (const encoded of raw.split('/')) {
    let segment: string
    try {
      segment = decodeURIComponent(encoded)
    } catch {
      return { ok: false, status: 403 }
    }
    if (!isPlainSegment(segment)) return { ok: false, status: 403 }
    segments.push(segment)
  }

  const path = join(root, ...segments)
  const inside = relative(root, path)
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside))
    return { ok: false, status: 403 }
  return { ok: true, path }
}

function isPlainSegment(segment: string): boolean {
  if (segment === '' || segment === '.' || segment === '..') return false
  if (/[/\\:\0]/.test(segment)) return false
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\u0000-\u001f\u007f]/.test(segment)) return false
  return !windowsDeviceName.test(segment)
}

/** Content types that are text get an explicit charset so nothing is sniffed. */
function contentTypeFor(path: string): string {
  const type = mimeTypeFor(path)
  return type.startsWith('text/') || type === 'application/json' ? `${type}; charset=utf-8` : type
}

/**
 * The handler for protocol.handle('app'): serves the built renderer read-only,
 * with the CSP and no-sniff headers on every response, errors included.
 */
export function createRendererHandler(options: RendererServerOptions): (request: Request) => Promise<Response> {
  const readFile = options.readFile ?? ((path: string) => readFileFromDisk(path))

  const respond = (status: number, body: Uint8Array<ArrayBuffer> | string | null, contentType: string): Response =>
    new Response(body, {
      status,
      headers: {
        'Content-Type': contentType,
        'Content-Security-Policy': options.contentSecurityPolicy,
        'X-Content-Type-Options': 'nosniff',
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Referrer-Policy': 'no-referrer',
        // A new version of the app must never run with files cached from the old one.
        'Cache-Control': 'no-cache',
      },
    })
  const plain = (status: number, text: string): Response => respond(status, text, 'text/plain; charset=utf-8')

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed')
    let url: URL
    try {
      url = new URL(request.url)
    } catch {
      return plain(400, 'Bad request')
    }
    if (url.host !== options.host) return plain(404, 'Not found')

    const resolved = resolveRendererPath(options.root, url.pathname)
    if (!resolved.ok) return plain(resolved.status, resolved.status === 403 ? 'Forbidden' : 'Not found')

    let bytes: Uint8Array<ArrayBuffer>
    try {
      bytes = await readFile(resolved.path)
    } catch {
      // Missing, a folder, unreadable: to the page it is all the same.
      return plain(404, 'Not found')
    }
    return respond(200, request.method === 'HEAD' ? null : bytes, contentTypeFor(resolved.path))
  }
}
