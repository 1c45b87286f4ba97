import type { AppInfo } from '../../core/bridge/contract'
import type { Handlers } from '../ipc/dispatcher'
import type { Dialogs } from './dialogs'
import { createFileService, type FileLimits } from './files'

export type ServiceDeps = {
  readonly dialogs: Dialogs
  readonly appInfo: AppInfo
  readonly limits?: Partial<FileLimits>
}

/**
 * Every channel's service, wired from plain dependencies. The app passes
 * Electron's dialogs; the end-to-end harness passes its own and runs these same
 * services behind the same dispatcher.
 */
export function createServices(deps: ServiceDeps): Handlers {
  const files = createFileService({ dialogs: deps.dialogs, limits: deps.limits })
  return {
    'app.info': async () => deps.appInfo,
    'files.open': (request) => files.open(request),
    'files.saveAs': (request) => files.saveAs(request),
  }
}

export type { Dialogs } from './dialogs'
export type { FileLimits } from './files'
