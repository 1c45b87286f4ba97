import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import {
  abandonWhenPageGoes,
  finishTransfersBeforeQuit,
  type PageEvents,
  type QuittingApp,
} from '../../../../main/window/transfer-lifetime'

const appOrigin = 'app://wwa-lab'

function watchedPage() {
  const contents = new EventEmitter()
  const abandon = vi.fn()
  abandonWhenPageGoes(contents as unknown as PageEvents, appOrigin, abandon)
  const navigate = (details: { url: string; isMainFrame: boolean; isSameDocument: boolean }) =>
    contents.emit('did-start-navigation', details)
  return { contents, abandon, navigate }
}

describe('abandonWhenPageGoes', () => {
  it('abandons transfers when the page reloads or loads another document of the app', () => {
    const { abandon, navigate } = watchedPage()
    navigate({ url: 'app://wwa-lab/index.html', isMainFrame: true, isSameDocument: false })
    expect(abandon).toHaveBeenCalledTimes(1)
  })

  it('keeps them through the app’s own hash routing, a subframe, and a navigation elsewhere that harden.ts refuses', () => {
    const { abandon, navigate } = watchedPage()
    navigate({ url: 'app://wwa-lab/index.html#/products/p-1', isMainFrame: true, isSameDocument: true })
    navigate({ url: 'app://wwa-lab/frame.html', isMainFrame: false, isSameDocument: false })
    navigate({ url: 'https://example.com/', isMainFrame: true, isSameDocument: false })
    expect(abandon).not.toHaveBeenCalled()
  })

  it('abandons them when the renderer crashes or is killed, and when the window’s contents are destroyed', () => {
    const { contents, abandon } = watchedPage()
    contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 })
    contents.emit('destroyed')
    expect(abandon).toHaveBeenCalledTimes(2)
  })
})

describe('finishTransfersBeforeQuit', () => {
  it('holds the first quit until transfers are finished, then quits for real', async () => {
    const app = Object.assign(new EventEmitter(), { quit: vi.fn() })
    let finishNow: () => void = () => undefined
    const finish = vi.fn(() => new Promise<void>((resolve) => (finishNow = resolve)))
    finishTransfersBeforeQuit(app as unknown as QuittingApp, finish)

    const first = { preventDefault: vi.fn() }
    app.emit('will-quit', first)
    expect(first.preventDefault).toHaveBeenCalled()
    expect(app.quit).not.toHaveBeenCalled()

    finishNow()
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1))
    const second = { preventDefault: vi.fn() }
    app.emit('will-quit', second)
    expect(second.preventDefault).not.toHaveBeenCalled()
    expect(finish).toHaveBeenCalledTimes(1)
  })

  it('quits even when finishing fails', async () => {
    const app = Object.assign(new EventEmitter(), { quit: vi.fn() })
    finishTransfersBeforeQuit(app as unknown as QuittingApp, () => Promise.reject(new Error('disk gone')))
    app.emit('will-quit', { preventDefault: () => undefined })
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1))
  })
})
