import { beforeEach, describe, expect, it, vi } from 'vitest'
import { channels } from '../../../../core/bridge/channels'
import type { Dispatch } from '../../../../main/ipc/dispatcher'

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown

const registered = new Map<string, InvokeHandler>()
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: InvokeHandler) => {
      if (registered.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
      registered.set(channel, handler)
    },
  },
}))

const { registerIpcHandlers } = await import('../../../../main/ipc/registry')

const mainFrame = { url: 'app://wwa-lab/index.html' }
const subFrame = { url: 'app://wwa-lab/index.html' }
const eventFrom = (senderFrame: { url: string } | null) => ({ senderFrame, sender: { mainFrame } })

function handlerFor(channel: string): InvokeHandler {
  const handler = registered.get(channel)
  if (handler === undefined) throw new Error(`no handler registered for ${channel}`)
  return handler
}

describe('registerIpcHandlers', () => {
  let dispatch: ReturnType<typeof vi.fn<Dispatch>>

  beforeEach(() => {
    registered.clear()
    dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: 'reply' }))
    registerIpcHandlers(dispatch)
  })

  it('registers exactly the contract channels', () => {
    expect([...registered.keys()].sort()).toEqual([...channels].sort())
  })

  it("hands the main frame's URL and the raw request to the dispatcher, and returns its reply", async () => {
    const reply = await handlerFor('files.open')(eventFrom(mainFrame), { multiple: true })
    expect(reply).toEqual({ ok: true, value: 'reply' })
    expect(dispatch).toHaveBeenCalledWith(
      'files.open',
      { url: 'app://wwa-lab/index.html', isMainFrame: true },
      { multiple: true },
    )
  })

  it('marks a subframe as not the main frame, even at the same URL', async () => {
    await handlerFor('app.info')(eventFrom(subFrame), undefined)
    expect(dispatch).toHaveBeenCalledWith(
      'app.info',
      { url: 'app://wwa-lab/index.html', isMainFrame: false },
      undefined,
    )
  })

  it('treats a frame that is already gone as a stranger', async () => {
    await handlerFor('app.info')(eventFrom(null), undefined)
    expect(dispatch).toHaveBeenCalledWith('app.info', { url: '', isMainFrame: false }, undefined)
  })

  it('passes on only the first argument', async () => {
    await handlerFor('files.saveAs')(eventFrom(mainFrame), { suggestedName: 'a.txt' }, 'extra', 'args')
    expect(dispatch).toHaveBeenCalledWith('files.saveAs', expect.anything(), { suggestedName: 'a.txt' })
  })
})
