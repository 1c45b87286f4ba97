import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  findElectronBinary,
  installerReason,
  launchElectron,
  runStep,
  startApp,
  type StartDeps,
} from '../../../scripts/start-app'

const fixtures = resolve(import.meta.dirname, 'fixtures')
const installerStandIn = join(fixtures, 'electron-installer-stand-in.mjs')
const buildStandIn = join(fixtures, 'build-stand-in.mjs')
const project = resolve(import.meta.dirname, '../../..')

let folder: string
let electronDir: string
let log: string

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'wwa-start-'))
  electronDir = join(folder, 'electron')
  mkdirSync(electronDir)
  writeFileSync(join(electronDir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }))
  log = join(folder, 'runs.log')
  writeFileSync(log, '')
})
afterEach(() => rmSync(folder, { recursive: true, force: true }))

const runs = () => readFileSync(log, 'utf8').split('\n').filter(Boolean)

/** npm start's steps with the stand-in installer and build, a recording launch and the words it says. */
function standIns(mode: 'install' | 'offline' | 'nothing', env: NodeJS.ProcessEnv = {}) {
  const said: string[] = []
  const launched: { binary: string; args: readonly string[] }[] = []
  const deps: StartDeps = {
    root: folder,
    electronDir,
    installer: [process.execPath, installerStandIn],
    build: [process.execPath, buildStandIn],
    run: runStep,
    launch: async (binary, args) => {
      launched.push({ binary, args })
      return 0
    },
    say: (text) => said.push(text),
    env: { ...process.env, STAND_IN_MODE: mode, STAND_IN_LOG: log, STAND_IN_ELECTRON_DIR: electronDir, ...env },
    platform: 'linux',
    arch: 'x64',
    electronArgs: ['--no-sandbox'],
  }
  return { deps, said, launched }
}

function installBinary() {
  mkdirSync(join(electronDir, 'dist'))
  writeFileSync(join(electronDir, 'dist', 'electron'), '')
  writeFileSync(join(electronDir, 'dist', 'version'), 'v45.5.0')
  writeFileSync(join(electronDir, 'path.txt'), 'electron')
}

describe('npm start', () => {
  it('with the binary there, builds once and opens it, without running the installer', async () => {
    installBinary()
    const { deps, launched, said } = standIns('offline')
    expect(await startApp(deps)).toBe(0)
    expect(runs()).toEqual(['build'])
    expect(launched).toEqual([{ binary: join(electronDir, 'dist', 'electron'), args: ['--no-sandbox'] }])
    expect(said).toEqual([])
  })

  it('with the binary missing, runs the installer, then builds once and opens what it installed', async () => {
    const { deps, launched, said } = standIns('install')
    expect(await startApp(deps)).toBe(0)
    expect(runs()).toEqual(['installer install', 'build'])
    expect(launched).toEqual([{ binary: join(electronDir, 'dist', 'electron'), args: ['--no-sandbox'] }])
    expect(said).toEqual([expect.stringMatching(/^The Electron 45\.5\.0 program for Linux x64 is not installed yet/)])
  })

  it('runs the installer when path.txt names a binary that is not there, or one of another version', async () => {
    installBinary()
    rmSync(join(electronDir, 'dist', 'electron'))
    expect(findElectronBinary(electronDir, {})).toEqual({ ok: false, missing: expect.stringMatching(/does not exist/) })
    writeFileSync(join(electronDir, 'dist', 'electron'), '')
    writeFileSync(join(electronDir, 'dist', 'version'), 'v44.0.0')
    expect(findElectronBinary(electronDir, {})).toEqual({
      ok: false,
      missing: expect.stringMatching(/44\.0\.0, not 45\.5\.0/),
    })
    const { deps } = standIns('install')
    expect(await startApp(deps)).toBe(0)
    expect(runs()).toEqual(['installer install', 'build'])
  })

  it('offline, says in one paragraph what is missing, its size and the command to run, and exits non-zero without building', async () => {
    const { deps, launched, said } = standIns('offline')
    const code = await startApp(deps)
    expect(code).not.toBe(0)
    expect(runs()).toEqual(['installer offline'])
    expect(launched).toEqual([])
    const paragraph = said.at(-1) ?? ''
    expect(said).toHaveLength(2)
    expect(paragraph).not.toMatch(/\n/)
    expect(paragraph).not.toMatch(/\bat (async |node:|process\.)/)
    expect(paragraph).toContain(
      'Electron 45.5.0 program for Linux x64 (electron-v45.5.0-linux-x64.zip, a download of about 100 MB)',
    )
    expect(paragraph).toContain('could not download it (fetch failed)')
    expect(paragraph).toContain('"node node_modules/electron/install.js"')
    expect(paragraph).toContain('then "npm start" again')
  })

  it('names the platform and architecture the installer would fetch', async () => {
    const { deps, said } = standIns('offline', { ELECTRON_INSTALL_PLATFORM: 'win32', ELECTRON_INSTALL_ARCH: 'arm64' })
    expect(await startApp(deps)).toBe(1)
    expect(said.at(-1)).toContain('Electron 45.5.0 program for Windows arm64 (electron-v45.5.0-win32-arm64.zip')
  })

  it('when the installer succeeds but leaves no binary, says what is still missing and exits non-zero', async () => {
    const { deps, said } = standIns('nothing')
    expect(await startApp(deps)).toBe(1)
    expect(runs()).toEqual(['installer nothing'])
    expect(said.at(-1)).toMatch(/installer finished, but .*path\.txt does not exist/)
  })

  it('when the build fails, does not open the app and exits with the build’s code', async () => {
    installBinary()
    const { deps, launched, said } = standIns('install', { STAND_IN_BUILD_CODE: '3' })
    expect(await startApp(deps)).toBe(3)
    expect(launched).toEqual([])
    expect(said).toEqual([expect.stringMatching(/not started: the build failed \(exit code 3\)/)])
  })

  it('builds into out/, which the app Electron opens runs from, even with WWA_LAB_OUT set', async () => {
    installBinary()
    const { deps } = standIns('install', { WWA_LAB_OUT: join(folder, 'elsewhere') })
    expect(await startApp(deps)).toBe(0)
    expect(runs()).toEqual(['build'])
  })

  it('the npm script runs this preparation and nothing that builds a second time', () => {
    const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as { scripts: { start: string } }
    expect(manifest.scripts.start).toBe('node --import tsx scripts/start.ts')
  })
})

describe('scripts/start.ts as npm runs it, offline', { timeout: 30_000 }, () => {
  it('prints the paragraph and no stack trace, exits 1, and builds nothing', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: project,
      env: {
        ...process.env,
        WWA_LAB_ELECTRON_DIR: electronDir,
        WWA_LAB_ELECTRON_INSTALLER: installerStandIn,
        STAND_IN_MODE: 'offline',
        STAND_IN_LOG: log,
        // Were the build reached, it would write here rather than into the shared out/.
        WWA_LAB_OUT: join(folder, 'out'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    const code = await new Promise<number | null>((done) => child.on('close', done))
    expect(code).toBe(1)
    expect(runs()).toEqual(['installer offline'])
    expect(output).toMatch(/WWA Lab cannot start: the Electron 45\.5\.0 program for .* is missing/)
    expect(output).toContain('"node node_modules/electron/install.js"')
    expect(output).not.toMatch(/^\s+at /m)
    expect(output.trim().split('\n')).toHaveLength(2)
    expect(existsSync(join(folder, 'out'))).toBe(false)
  })
})

describe.skipIf(process.platform === 'win32')('launchElectron', () => {
  it('opens the project folder with the arguments given, not as plain Node, and returns the exit code', async () => {
    const binary = join(folder, 'electron-stand-in')
    const seen = join(folder, 'seen.txt')
    writeFileSync(binary, `#!/bin/sh\necho "$PWD|$*|\${ELECTRON_RUN_AS_NODE:-unset}" > '${seen}'\nexit 7\n`, {
      mode: 0o755,
    })
    process.env['ELECTRON_RUN_AS_NODE'] = '1'
    try {
      expect(await launchElectron(binary, ['--no-sandbox'], folder)).toBe(7)
    } finally {
      delete process.env['ELECTRON_RUN_AS_NODE']
    }
    expect(readFileSync(seen, 'utf8').trim()).toBe(`${folder}|. --no-sandbox|unset`)
  })
})

describe('installerReason', () => {
  it('takes the error line, not the stack', () => {
    expect(installerReason('TypeError: fetch failed\n    at node:internal/deps/undici/undici:15456:13\n')).toBe(
      'fetch failed',
    )
    expect(installerReason("Downloading…\nError: EACCES: permission denied, mkdir '/x/dist'\n    at async x")).toBe(
      "EACCES: permission denied, mkdir '/x/dist'",
    )
    expect(installerReason('')).toBeNull()
  })
})
