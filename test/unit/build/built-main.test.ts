import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../../main/security/csp'
import { builtFile, projectRoot } from './built-output'
import { channels } from '../../../core/bridge/channels'

type Call = { readonly name: string; readonly ready: boolean; readonly args: readonly unknown[] }
type Run = {
  readonly loadError?: string
  readonly calls: readonly Call[]
  readonly windows: readonly {
    readonly options: { webPreferences?: Record<string, unknown> }
    readonly loadedUrls: readonly string[]
  }[]
  readonly probes: Record<string, unknown> & {
    index?: { status: number; contentType: string; csp: string; hasRoot: boolean }
    assets?: { url: string; status: number; contentType: string }[]
  }
}

/**
 * Loads out/main/index.js once, in a child Node process whose loader hands it a
 * recording stand-in for 'electron' (fixtures/electron-stand-in.mjs). A child
 * process keeps it away from vitest's own module handling: the file is loaded
 * exactly as Node's ESM loader, and so Electron's, would load it.
 */
function runBuiltMain(): Run {
  const mainPath = builtFile('main/index.js')
  const env = { ...process.env }
  delete env['ELECTRON_RENDERER_URL'] // the packaged path, not the dev server
  delete env['NODE_OPTIONS']
  const child = spawnSync(process.execPath, [join(import.meta.dirname, 'fixtures', 'run-built-main.mjs'), mainPath], {
    cwd: projectRoot,
    env,
    encoding: 'utf8',
    timeout: 30_000,
  })
  const line = child.stdout.split('\n').find((l) => l.startsWith('RESULT '))
  if (child.status !== 0 || line === undefined) {
    throw new Error(
      `Loading the built main process failed (exit ${String(child.status)}).\n${child.stderr}\n${child.stdout}`,
    )
  }
  const run = JSON.parse(line.slice('RESULT '.length)) as Run
  if (run.loadError !== undefined) {
    throw new Error(`out/main/index.js threw while loading against the electron stand-in:\n${run.loadError}`)
  }
  return run
}

let run: Run
const indexOf = (name: string) => run.calls.findIndex((c) => c.name === name)
const callsNamed = (name: string) => run.calls.filter((c) => c.name === name)

beforeAll(() => {
  run = runBuiltMain()
})

describe('the built main process (out/main/index.js)', () => {
  it('starts without showing an error or quitting', () => {
    expect(callsNamed('dialog.showErrorBox')).toEqual([])
    expect(callsNamed('app.exit')).toEqual([])
    expect(callsNamed('app.quit')).toEqual([])
  })

  it('registers app:// as a privileged scheme, once, before ready', () => {
    const [registration] = callsNamed('protocol.registerSchemesAsPrivileged')
    expect(callsNamed('protocol.registerSchemesAsPrivileged')).toHaveLength(1)
    expect(registration?.ready).toBe(false)
    expect(registration?.args[0]).toEqual([
      {
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true, stream: true }),
      },
    ])
    expect(JSON.stringify(registration?.args)).not.toContain('"bypassCSP":true')
  })

  it('enables the sandbox for every renderer before ready, and takes the single-instance lock', () => {
    expect(callsNamed('app.enableSandbox')).toEqual([expect.objectContaining({ ready: false })])
    expect(indexOf('app.requestSingleInstanceLock')).toBeGreaterThanOrEqual(0)
    expect(indexOf('app.enableSandbox')).toBeLessThan(indexOf('(ready fired)'))
  })

  it('serves app:// and hardens the session only after ready, before the window opens', () => {
    for (const name of [
      'protocol.handle',
      'session.setPermissionRequestHandler',
      'session.webRequest.onBeforeRequest',
      'ipcMain.handle',
    ]) {
      expect(indexOf(name), name).toBeGreaterThan(indexOf('(ready fired)'))
      expect(indexOf(name), name).toBeLessThan(indexOf('new BrowserWindow'))
    }
  })

  it('opens one window with the secure web preferences, loading app://wwa-lab/index.html', () => {
    expect(run.windows).toHaveLength(1)
    expect(run.windows[0]?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    })
    expect(run.windows[0]?.loadedUrls).toEqual(['app://wwa-lab/index.html'])
  })

  it('names a preload that exists on disk: the built out/preload/index.cjs', () => {
    const preload = run.windows[0]?.options.webPreferences?.['preload']
    expect(typeof preload).toBe('string')
    expect(existsSync(preload as string)).toBe(true)
    expect(resolve(preload as string)).toBe(builtFile('preload/index.cjs'))
  })

  it('serves the built renderer index.html and every asset it names, with the CSP', () => {
    builtFile('renderer/index.html')
    expect(run.probes.index).toEqual({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      csp: contentSecurityPolicy,
      hasRoot: true,
    })
    expect(run.probes.assets?.length).toBeGreaterThan(0)
    for (const asset of run.probes.assets ?? []) expect(asset.status, asset.url).toBe(200)
    expect([403, 404]).toContain(run.probes['escape'])
  })

  it('answers IPC from its own page and refuses a stranger', () => {
    expect(run.probes['ipcFromApp']).toMatchObject({ ok: true, value: { name: 'WWA Lab', version: '0.1.0' } })
    expect(run.probes['ipcFromStranger']).toMatchObject({ ok: false, problem: { code: 'forbidden-sender' } })
    expect(callsNamed('ipcMain.handle').map((c) => c.args[0])).toEqual([...channels])
  })

  it('denies permissions, cancels network requests, blocks navigation and new windows', () => {
    expect(run.probes['permissionGranted']).toBe(false)
    expect(run.probes['permissionCheck']).toBe(false)
    expect(run.probes['requestCancelled']).toEqual({ https: true, app: false })
    expect(run.probes['externalNavigationPrevented']).toBe(true)
    expect(run.probes['windowOpen']).toEqual({ action: 'deny' })
    expect(callsNamed('session.setSpellCheckerEnabled').map((c) => c.args)).toEqual([[false]])
  })
})
