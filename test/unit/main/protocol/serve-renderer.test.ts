import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createRendererHandler, resolveRendererPath } from '../../../../main/protocol/serve-renderer'
import { contentSecurityPolicy } from '../../../../main/security/csp'

const secret = 'private key material that must never be served'
let sandbox: string
let root: string
let serve: (request: Request) => Promise<Response>

beforeAll(async () => {
  // sandbox/secret.txt sits right beside the renderer root: the first thing a traversal would reach.
  sandbox = await mkdtemp(join(tmpdir(), 'wwa-serve-'))
  root = join(sandbox, 'renderer')
  await mkdir(join(root, 'assets'), { recursive: true })
  await writeFile(join(sandbox, 'secret.txt'), secret)
  await writeFile(join(root, 'index.html'), '<!doctype html><div id="root"></div>')
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log("app")')
  await writeFile(join(root, 'assets', 'index-abc.css'), 'body{margin:0}')
  await writeFile(join(root, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  await writeFile(join(root, 'assets', 'font.woff2'), new Uint8Array([0x77, 0x4f, 0x46, 0x32]))
  await writeFile(join(root, 'assets', 'blob.unknownext'), 'x')
  serve = createRendererHandler({ root, host: 'wwa-lab', contentSecurityPolicy })
})
afterAll(async () => {
  await rm(sandbox, { recursive: true, force: true })
})

const get = (url: string, method = 'GET') => serve(new Request(url, { method }))

describe('serving the renderer over app://', () => {
  it('serves index.html at the root with the CSP and no-sniff headers', async () => {
    const response = await get('app://wwa-lab/')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toContain('<div id="root">')
  })

  it.each([
    ['app://wwa-lab/index.html', 'text/html; charset=utf-8'],
    ['app://wwa-lab/assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['app://wwa-lab/assets/index-abc.css', 'text/css; charset=utf-8'],
    ['app://wwa-lab/assets/logo.svg', 'image/svg+xml'],
    ['app://wwa-lab/assets/font.woff2', 'font/woff2'],
    ['app://wwa-lab/assets/blob.unknownext', 'application/octet-stream'],
  ])('serves %s as %s', async (url, type) => {
    const response = await get(url)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(type)
  })

  it('ignores the query and fragment', async () => {
    expect((await get('app://wwa-lab/assets/index-abc.js?v=2#top')).status).toBe(200)
  })

  it('answers HEAD without a body', async () => {
    const response = await get('app://wwa-lab/index.html', 'HEAD')
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('')
  })

  it('refuses methods that would change something', async () => {
    const response = await get('app://wwa-lab/index.html', 'POST')
    expect(response.status).toBe(405)
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy)
  })

  it('answers 404, with the CSP, for a missing file, a folder, or another host', async () => {
    for (const url of [
      'app://wwa-lab/missing.js',
      'app://wwa-lab/assets',
      'app://evil/index.html',
      'app://wwa-lab.evil/index.html',
    ]) {
      const response = await get(url)
      expect(response.status, url).toBe(404)
      expect(response.headers.get('content-security-policy'), url).toBe(contentSecurityPolicy)
    }
  })

  it.each([
    'app://wwa-lab/../secret.txt',
    'app://wwa-lab/assets/../../secret.txt',
    'app://wwa-lab/%2e%2e/secret.txt',
    'app://wwa-lab/%2e%2e%2fsecret.txt',
    'app://wwa-lab/assets/..%2f..%2fsecret.txt',
    'app://wwa-lab/..%5csecret.txt',
    'app://wwa-lab/..\\secret.txt',
    'app://wwa-lab/assets%5c..%5c..%5csecret.txt',
    'app://wwa-lab/%252e%252e/secret.txt',
    'app://wwa-lab/index.html%00.js',
    'app://wwa-lab//etc/passwd',
    'app://wwa-lab/C:/Windows/win.ini',
    'app://wwa-lab/NUL',
  ])('never serves anything outside the renderer for %s', async (url) => {
    const response = await get(url)
    expect([403, 404]).toContain(response.status)
    expect(await response.text()).not.toContain(secret)
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy)
  })
})

describe('absolute paths', () => {
  it('never serves a file named by its absolute path, plain or encoded', async () => {
    const absolute = join(sandbox, 'secret.txt')
    for (const url of [
      `app://wwa-lab${absolute}`,
      `app://wwa-lab/${absolute}`,
      `app://wwa-lab/${encodeURIComponent(absolute)}`,
    ]) {
      const response = await get(url)
      expect([403, 404], url).toContain(response.status)
      expect(await response.text()).not.toContain(secret)
    }
  })
})

describe('resolveRendererPath (the check behind the handler, fed raw paths the URL parser would have cleaned)', () => {
  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/..%5csecret.txt',
    '/..\\secret.txt',
    '/index.html%00',
    '/index.html\0',
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    '/C:/Windows/win.ini',
    '/assets/',
    '/CON',
    '/lpt1.txt',
    '/%E0%A4%A',
    'relative/path',
  ])('refuses %j with 403', (pathname) => {
    expect(resolveRendererPath('/srv/renderer', pathname)).toEqual({ ok: false, status: 403 })
  })

  it('maps plain paths inside the root', () => {
    expect(resolveRendererPath('/srv/renderer', '/')).toEqual({ ok: true, path: join('/srv/renderer', 'index.html') })
    expect(resolveRendererPath('/srv/renderer', '/assets/index-abc.js')).toEqual({
      ok: true,
      path: join('/srv/renderer', 'assets', 'index-abc.js'),
    })
    expect(resolveRendererPath('/srv/renderer', '/assets/My%20Font.woff2')).toEqual({
      ok: true,
      path: join('/srv/renderer', 'assets', 'My Font.woff2'),
    })
    expect(resolveRendererPath('/srv/renderer', '/..hidden-but-inside.txt')).toEqual({
      ok: true,
      path: join('/srv/renderer', '..hidden-but-inside.txt'),
    })
  })
})
