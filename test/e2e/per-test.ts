import { afterEach } from 'vitest'
import { createFixtureFiles, type FixtureFiles } from './fixtures-files'
import { launchApp, type App, type LaunchOptions } from './harness'

/**
 * The app and fixture files a test makes, closed and removed after each test
 * whatever happened in it. Call once at the top of a spec file.
 */
export function perTest() {
  let app: App | undefined
  let files: FixtureFiles | undefined
  afterEach(async () => {
    await app?.close()
    await files?.remove()
    app = undefined
    files = undefined
  })
  return {
    async launch(options: LaunchOptions = {}): Promise<App> {
      app = await launchApp(options)
      return app
    },
    async files(): Promise<FixtureFiles> {
      files = await createFixtureFiles()
      return files
    },
  }
}
