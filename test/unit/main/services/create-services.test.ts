import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AppInfo } from '../../../../core/bridge/contract'
import { createDispatcher } from '../../../../main/ipc/dispatcher'
import { describeApp } from '../../../../main/services/app/app-info'
import { createServices, type Dialogs } from '../../../../main/services/index'

// The same wiring the end-to-end harness uses: real services behind the real dispatcher.
const appOrigin = 'https://wwa-lab.localhost'
const page = { url: `${appOrigin}/index.html`, isMainFrame: true }
const appInfo: AppInfo = {
  name: 'WWA Lab',
  version: '0.1.0',
  electron: null,
  chrome: null,
  node: '22.23.3',
  platform: 'linux',
}

let folder: string
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'wwa-services-'))
})
afterEach(async () => {
  await rm(folder, { recursive: true, force: true })
})

function dispatcherWith(dialogs: Dialogs, limits?: { maxFileBytes: number }) {
  return createDispatcher(
    createServices({ dialogs, appInfo, limits, userDataDir: join(folder, 'user-data') }).handlers,
    { appOrigin },
  )
}

describe('createServices behind createDispatcher', () => {
  it('answers app.info', async () => {
    const dispatch = dispatcherWith({ pickFilesToOpen: async () => [], pickSavePath: async () => undefined })
    await expect(dispatch('app.info', page, undefined)).resolves.toEqual({ ok: true, value: appInfo })
  })

  it('opens a file end to end, bytes still a Uint8Array after the response check', async () => {
    const path = join(folder, 'units.csv')
    await writeFile(path, 'serial\nSN-1\n')
    const dispatch = dispatcherWith({ pickFilesToOpen: async () => [path], pickSavePath: async () => undefined })

    const reply = await dispatch('files.open', page, { filters: [{ name: 'CSV', extensions: ['csv'] }] })

    expect(reply.ok).toBe(true)
    const value = reply.ok ? (reply.value as { files: { name: string; bytes: Uint8Array }[] }) : undefined
    expect(value?.files[0]?.name).toBe('units.csv')
    expect(value?.files[0]?.bytes).toBeInstanceOf(Uint8Array)
  })

  it('honours the limits it is given', async () => {
    const path = join(folder, 'photo.jpg')
    await writeFile(path, new Uint8Array(10))
    const dispatch = dispatcherWith(
      { pickFilesToOpen: async () => [path], pickSavePath: async () => undefined },
      { maxFileBytes: 5 },
    )
    const reply = await dispatch('files.open', page, {})
    expect(reply).toMatchObject({ ok: true, value: { files: [], rejected: [{ name: 'photo.jpg' }] } })
  })

  it('saves a file end to end, and a failed save comes back as io-failed', async () => {
    const path = join(folder, 'packet.zip')
    const dispatch = dispatcherWith({ pickFilesToOpen: async () => [], pickSavePath: async () => path })
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4])

    await expect(dispatch('files.saveAs', page, { suggestedName: 'packet.zip', bytes })).resolves.toEqual({
      ok: true,
      value: { canceled: false, path, name: 'packet.zip', size: 4 },
    })
    expect(new Uint8Array(await readFile(path))).toEqual(bytes)

    const intoMissingFolder = dispatcherWith({
      pickFilesToOpen: async () => [],
      pickSavePath: async () => join(folder, 'gone', 'packet.zip'),
    })
    await expect(intoMissingFolder('files.saveAs', page, { suggestedName: 'packet.zip', bytes })).resolves.toEqual({
      ok: false,
      problem: {
        code: 'io-failed',
        message:
          'Could not save packet.zip: the file or its folder does not exist. The previous file, if any, is unchanged.',
      },
    })
  })
})

describe('describeApp', () => {
  it('reports Electron and Chrome versions when running in Electron', () => {
    const info = describeApp(
      { name: 'WWA Lab', version: '1.2.3' },
      { versions: { node: '22.20.0', electron: '45.5.0', chrome: '140.0.7339.0' }, platform: 'win32' },
    )
    expect(info).toEqual({
      name: 'WWA Lab',
      version: '1.2.3',
      electron: '45.5.0',
      chrome: '140.0.7339.0',
      node: '22.20.0',
      platform: 'win32',
    })
  })

  it('reports null for them outside Electron', () => {
    const info = describeApp({ name: 'WWA Lab', version: '1.2.3' })
    expect(info).toMatchObject({
      electron: null,
      chrome: null,
      node: process.versions.node,
      platform: process.platform,
    })
  })
})
