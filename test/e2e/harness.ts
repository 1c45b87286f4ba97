import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BrowserContext, Page } from 'playwright-core'
import { createDispatcher } from '../../main/ipc/dispatcher'
import { contentSecurityPolicy } from '../../main/security/csp'
import { createServices } from '../../main/services'
import { createAnsweredDialogs, type DialogAnswers } from './answered-dialogs'
import { killBrowserOf } from './kill-browser'
import { installLabBridge } from './lab-bridge'
import { launchChromium } from './launch-chromium'
import { testAppInfo } from './test-app-info'
import { routeStaticSite, testOrigin } from './static-route'
import { watchProblems } from './watch-problems'

export { testOrigin }

/** The app as a test drives it: the built renderer in Chromium, window.lab routed into the real services. */
export type App = {
  readonly page: Page
  readonly context: BrowserContext
  readonly profileDir: string
  readonly dialogs: DialogAnswers
  /** Every request the page made to anything but the app's origin, blocked or not (all are aborted). */
  readonly requestsOutsideOrigin: readonly string[]
  /** CSP violations, page errors, console errors, outside requests, new windows and unanswered dialogs so far. */
  problems(): readonly string[]
  /** Throws, listing every problem, if there is any. */
  assertClean(): void
  /** Closes the browser and launches the app again on the same profile, as a person restarting it would. */
  relaunch(): Promise<App>
  /** SIGKILLs the browser process of this profile and its children, as a crash would; relaunch() starts it again. */
  kill(): Promise<void>
  close(): Promise<void>
}

export type LaunchOptions = {
  /** Reuse this profile folder (kept on close); by default a fresh temp profile is made and removed on close. */
  readonly profileDir?: string
}

/** The built renderer: out/renderer, or renderer/ under WWA_LAB_OUT when the build was made there. */
export const rendererRoot =
  process.env['WWA_LAB_OUT'] !== undefined
    ? join(process.env['WWA_LAB_OUT'], 'renderer')
    : fileURLToPath(new URL('../../out/renderer', import.meta.url))

export async function launchApp(options: LaunchOptions = {}): Promise<App> {
  if (!existsSync(join(rendererRoot, 'index.html'))) {
    throw new Error(`Run \`npm run build\` first: ${join(rendererRoot, 'index.html')} is missing.`)
  }
  if (options.profileDir !== undefined) return launchOnProfile(options.profileDir, false)
  const profileDir = await mkdtemp(join(tmpdir(), 'wwa-lab-e2e-'))
  try {
    return await launchOnProfile(profileDir, true)
  } catch (error) {
    await rm(profileDir, { recursive: true, force: true })
    throw error
  }
}

async function launchOnProfile(profileDir: string, ownsProfile: boolean): Promise<App> {
  const context = await launchChromium(profileDir)
  try {
    const watcher = await watchProblems(context, testOrigin)
    const answers = createAnsweredDialogs(watcher.report)
    const services = createServices({
      dialogs: answers.dialogs,
      appInfo: await testAppInfo(context),
      // Beside Chromium's own files, as Electron keeps both under userData; it outlives a relaunch.
      userDataDir: join(profileDir, 'wwa-lab-main'),
    })
    await installLabBridge(context, createDispatcher(services.handlers, { appOrigin: testOrigin }))
    await routeStaticSite(context, { root: rendererRoot, contentSecurityPolicy })

    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(`${testOrigin}/`, { waitUntil: 'load' })

    let closed = false
    let handedOver = false
    const closeBrowser = async () => {
      if (closed) return
      closed = true
      await context.close()
      // As main does when the window goes: saves the page never finished leave no temporary files.
      await services.abandonTransfers()
    }
    const { answerOpen, answerSave } = answers
    return {
      page,
      context,
      profileDir,
      dialogs: { answerOpen, answerSave },
      requestsOutsideOrigin: watcher.requestsOutsideOrigin,
      problems: () => [...watcher.problems],
      assertClean() {
        if (watcher.problems.length === 0) return
        throw new Error(
          `The app reported ${watcher.problems.length} problem(s):\n${watcher.problems.map((p) => `  - ${p}`).join('\n')}`,
        )
      },
      async kill() {
        if (closed) return
        closed = true
        await killBrowserOf(profileDir)
        // Playwright only notices the browser is gone; nothing is left to close gracefully.
        await context.close().catch(() => undefined)
        await services.abandonTransfers()
      },
      async relaunch() {
        await closeBrowser()
        // The new App owns the profile now: closing it, not this one, removes a temp profile.
        handedOver = true
        try {
          return await launchOnProfile(profileDir, ownsProfile)
        } catch (error) {
          if (ownsProfile) await rm(profileDir, { recursive: true, force: true })
          throw error
        }
      },
      async close() {
        await closeBrowser()
        if (ownsProfile && !handedOver) await rm(profileDir, { recursive: true, force: true })
      },
    }
  } catch (error) {
    await context.close()
    throw error
  }
}
