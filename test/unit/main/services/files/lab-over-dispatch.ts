import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { channels } from '../../../../../core/bridge/channels'
import type { AppInfo, LabBridge } from '../../../../../core/bridge/contract'
import { createDispatcher, type Dispatch } from '../../../../../main/ipc/dispatcher'
import { createServices, type Dialogs, type ServiceDeps, type Services } from '../../../../../main/services/index'

const appOrigin = 'app://wwa-lab'
const page = { url: `${appOrigin}/index.html`, isMainFrame: true }
const appInfo: AppInfo = {
  name: 'WWA Lab',
  version: '0.1.0',
  electron: null,
  chrome: null,
  node: process.versions.node,
  platform: process.platform,
}

/** window.lab as the preload builds it, from the channel list, calling the dispatcher directly instead of over IPC. */
export function labOver(dispatch: Dispatch): LabBridge {
  const groups: Record<string, Record<string, (request?: unknown) => Promise<unknown>>> = {}
  for (const channel of channels) {
    const [group = '', method = ''] = channel.split('.')
    ;(groups[group] ??= {})[method] = (request) => dispatch(channel, page, request)
  }
  return groups as unknown as LabBridge
}

/** Real services behind the real dispatcher, with dialogs a test answers and a temp folder to save into. */
export type ServicesOnDisk = {
  /** Where the dialogs save and open; main's user-data folder is beside it, not in it. */
  readonly folder: string
  readonly userDataDir: string
  readonly lab: LabBridge
  readonly dispatch: Dispatch
  readonly services: Services
  /** The dialogs the services ask; spy on them to see what the person was shown, or set confirmSaveThroughLink. */
  readonly dialogs: Dialogs
  /** The next save dialog picks this file in the folder; undefined cancels it. */
  answerSave(name: string | undefined): string | undefined
  /** The next open dialog picks these paths. */
  answerOpen(paths: readonly string[]): void
  /** The folder's file names, sorted: temporary files included. */
  listing(): Promise<readonly string[]>
  remove(): Promise<void>
}

export async function servicesOnDisk(
  deps: Partial<Omit<ServiceDeps, 'dialogs' | 'appInfo'>> = {},
): Promise<ServicesOnDisk> {
  const root = await mkdtemp(join(tmpdir(), 'wwa-transfers-'))
  const folder = join(root, 'files')
  const userDataDir = deps.userDataDir ?? join(root, 'user-data')
  await mkdir(folder)
  const saves: (string | undefined)[] = []
  const opens: (readonly string[])[] = []
  const dialogs: Dialogs = {
    pickSavePath: async () => {
      if (saves.length === 0) throw new Error('The test queued no answer for the save dialog.')
      return saves.shift()
    },
    pickFilesToOpen: async () => opens.shift() ?? [],
  }
  // Through the object, so a spy a test puts on it sees every call.
  const services = createServices({
    ...deps,
    appInfo,
    userDataDir,
    dialogs: {
      pickSavePath: (options) => dialogs.pickSavePath(options),
      pickFilesToOpen: (options) => dialogs.pickFilesToOpen(options),
      // A getter, so a test that sets it on `dialogs` later is asked, and one that does not gets dialogs that cannot ask.
      get confirmSaveThroughLink() {
        return dialogs.confirmSaveThroughLink
      },
    },
  })
  const dispatch = createDispatcher(services.handlers, { appOrigin })
  return {
    folder,
    userDataDir,
    lab: labOver(dispatch),
    dispatch,
    services,
    dialogs,
    answerSave(name) {
      const path = name === undefined ? undefined : join(folder, name)
      saves.push(path)
      return path
    },
    answerOpen: (paths) => void opens.push(paths),
    listing: async () => (await readdir(folder)).sort(),
    async remove() {
      await services.abandonTransfers()
      await rm(root, { recursive: true, force: true })
    },
  }
}
