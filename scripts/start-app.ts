import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** How one step of `npm start` ended: its exit code (null when a signal ended it) and what it printed when quiet. */
export type StepResult = { readonly code: number | null; readonly output: string }

/**
 * Runs a command. Quiet steps (the installer) have their output collected, so a
 * failure can be told in one paragraph instead of a stack trace; loud steps (the
 * build) print as they go.
 */
export type RunStep = (
  command: string,
  args: readonly string[],
  options: { readonly cwd: string; readonly env: NodeJS.ProcessEnv; readonly quiet: boolean },
) => Promise<StepResult>

export type StartDeps = {
  /** The project folder: the build runs there and Electron opens it (its package.json names out/main/index.js). */
  readonly root: string
  /** The electron package folder (node_modules/electron): its path.txt names the binary under dist/. */
  readonly electronDir: string
  /** The command that fetches the binary: Electron's own install.js, run by Node; a test passes a stand-in. */
  readonly installer: readonly [string, ...string[]]
  /** The one build before launching. */
  readonly build: readonly [string, ...string[]]
  readonly run: RunStep
  /** Opens the app with the binary; resolves with its exit code. */
  readonly launch: (binary: string, args: readonly string[], root: string) => Promise<number>
  /** Where `npm start` talks to the person (stderr). */
  readonly say: (text: string) => void
  readonly env: NodeJS.ProcessEnv
  readonly platform: string
  readonly arch: string
  /** Arguments after `npm start --`, passed to Electron (e.g. --no-sandbox). */
  readonly electronArgs?: readonly string[]
}

export type Found = { readonly ok: true; readonly binary: string } | { readonly ok: false; readonly missing: string }

const platformWords: Readonly<Record<string, string>> = { linux: 'Linux', darwin: 'macOS', win32: 'Windows' }

// The electron package records only SHA-256 hashes of its release files, not their
// sizes. Electron's release pages list the desktop zips (linux-x64, win32-x64,
// darwin-x64/arm64) of recent majors at roughly 95 to 115 MB, so "about 100 MB" is
// as exact as this can honestly be without the network.
const downloadSize = 'about 100 MB'

/** The Electron version the installed package expects, from its package.json. */
export function electronVersion(electronDir: string): string {
  const parsed: unknown = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'))
  const version = typeof parsed === 'object' && parsed !== null && 'version' in parsed ? parsed.version : undefined
  if (typeof version !== 'string') throw new Error(`${join(electronDir, 'package.json')} names no version.`)
  return version
}

/**
 * Whether the Electron binary is there, checked the way Electron's own installer
 * does: path.txt names it, dist/version is the package's version, and the file
 * exists (ELECTRON_OVERRIDE_DIST_PATH moves dist/ elsewhere, as in electron/index.js).
 */
export function findElectronBinary(electronDir: string, env: NodeJS.ProcessEnv): Found {
  const pathFile = join(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return { ok: false, missing: `${pathFile} does not exist` }
  const relative = readFileSync(pathFile, 'utf8').trim()
  const override = env['ELECTRON_OVERRIDE_DIST_PATH']
  const binary = override ? join(override, relative) : join(electronDir, 'dist', relative)
  if (!existsSync(binary)) return { ok: false, missing: `${binary}, named by ${pathFile}, does not exist` }
  if (!override) {
    const versionFile = join(electronDir, 'dist', 'version')
    const installed = existsSync(versionFile) ? readFileSync(versionFile, 'utf8').trim().replace(/^v/, '') : null
    const wanted = electronVersion(electronDir)
    if (installed !== wanted)
      return {
        ok: false,
        missing: `${binary} is Electron ${installed ?? 'of an unknown version'}, not ${wanted}`,
      }
  }
  return { ok: true, binary }
}

/** The last "SomethingError: reason" line a failed installer printed, without its stack: "fetch failed". */
export function installerReason(output: string): string | null {
  const lines = output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('at '))
  const errorLine = lines.findLast((line) => /^[A-Za-z]*Error\b[^:]*:/.test(line))
  const reason = (errorLine ?? '').replace(/^[A-Za-z]*Error\b[^:]*:\s*/, '').trim()
  return reason === '' ? null : reason.slice(0, 300)
}

/** The one paragraph `npm start` prints when the binary is missing and could not be fetched. */
export function missingElectronMessage(details: {
  readonly version: string
  readonly platform: string
  readonly arch: string
  /** Why it is still missing, as a clause: "Electron's installer could not download it (fetch failed)". */
  readonly why: string
}): string {
  const { version, platform, arch } = details
  const zip = `electron-v${version}-${platform}-${arch}.zip`
  return (
    `WWA Lab cannot start: the Electron ${version} program for ${platformWords[platform] ?? platform} ${arch} ` +
    `(${zip}, a download of ${downloadSize}) is missing, and ${details.why}. ` +
    'npm install fetches Electron’s package but not the program itself, which is downloaded the first time it is needed. ' +
    'Once this computer is online, run "node node_modules/electron/install.js" (or "npm rebuild electron") once in this folder, ' +
    'then "npm start" again. Nothing was built and no lab data was touched.'
  )
}

/** Fetches the binary with Electron's installer when it is missing; says in one paragraph what is missing when that fails. */
export async function ensureElectron(deps: StartDeps): Promise<{ readonly binary: string } | null> {
  const found = findElectronBinary(deps.electronDir, deps.env)
  if (found.ok) return found
  const version = electronVersion(deps.electronDir)
  // The same choice of platform and architecture as Electron's install.js makes.
  const platform = deps.env['ELECTRON_INSTALL_PLATFORM'] || deps.env['npm_config_platform'] || deps.platform
  const arch = deps.env['ELECTRON_INSTALL_ARCH'] || deps.env['npm_config_arch'] || deps.arch
  deps.say(
    `The Electron ${version} program for ${platformWords[platform] ?? platform} ${arch} is not installed yet ` +
      `(${found.missing}): downloading it once with Electron's installer (${downloadSize})…`,
  )
  const [command, ...args] = deps.installer
  const ran = await deps
    .run(command, args, { cwd: deps.root, env: deps.env, quiet: true })
    .catch((error: unknown): StepResult => ({ code: null, output: `Error: ${describe(error)}` }))
  const after = findElectronBinary(deps.electronDir, deps.env)
  if (ran.code === 0 && after.ok) return after
  const reason = installerReason(ran.output)
  const why =
    ran.code === 0
      ? `Electron's installer finished, but ${after.ok ? 'reported no error' : after.missing}`
      : `Electron's installer could not download it${reason ? ` (${reason})` : ''}, most likely because this computer is offline`
  deps.say(missingElectronMessage({ version, platform, arch, why }))
  return null
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * `npm start`: make sure the Electron binary is there (fetching it once), build
 * once, and open the built app with that binary, without building again.
 * Resolves with the exit code for the process.
 */
export async function startApp(deps: StartDeps): Promise<number> {
  const electron = await ensureElectron(deps)
  if (electron === null) return 1
  const [command, ...args] = deps.build
  // Electron opens the project folder, whose package.json names out/main/index.js:
  // build there, even when WWA_LAB_OUT points the tests' builds elsewhere.
  const env = { ...deps.env }
  delete env['WWA_LAB_OUT']
  const built = await deps.run(command, args, { cwd: deps.root, env, quiet: false })
  if (built.code !== 0) {
    deps.say(
      `WWA Lab was not started: the build failed (exit code ${built.code ?? 'none, ended by a signal'}); its errors are above.`,
    )
    return built.code || 1
  }
  return deps.launch(electron.binary, deps.electronArgs ?? [], deps.root)
}

/** Runs a command as a child process; quiet steps have their output collected instead of printed. */
export const runStep: RunStep = (command, args, options) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    })
    let output = ''
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, output }))
  })

/** Opens the project with the Electron binary, passes Ctrl+C and kills on to it, and resolves with its exit code. */
export function launchElectron(binary: string, args: readonly string[], root: string): Promise<number> {
  const env = { ...process.env }
  // With this set, the binary runs as plain Node and the app never opens.
  delete env['ELECTRON_RUN_AS_NODE']
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['.', ...args], { cwd: root, env, stdio: 'inherit' })
    const signals = ['SIGINT', 'SIGTERM'] as const
    const forward = (signal: NodeJS.Signals) => child.kill(signal)
    signals.forEach((signal) => process.on(signal, forward))
    child.on('error', reject)
    child.on('close', (code, signal) => {
      signals.forEach((s) => process.off(s, forward))
      resolve(code ?? (signal ? 1 : 0))
    })
  })
}
