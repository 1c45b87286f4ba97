import { describe, expect, it } from 'vitest'
import { mainWindowOptions } from '../../../../main/window/main-window-options'
import { chooseRendererSource } from '../../../../main/window/renderer-source'

describe('mainWindowOptions', () => {
  it('isolates and sandboxes the page, with no Node, no webview and no spell-check downloads', () => {
    expect(mainWindowOptions('/app/out/preload/index.cjs').webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      spellcheck: false,
    })
  })
})

describe('chooseRendererSource', () => {
  const packaged = { entryUrl: 'app://wwa-lab/index.html', origin: 'app://wwa-lab', extraRequestOrigins: [] }

  it('always loads app://wwa-lab in a packaged app, whatever the environment says', () => {
    expect(chooseRendererSource({ isPackaged: true, devServerUrl: 'http://localhost:5173/' })).toEqual(packaged)
  })

  it('loads app://wwa-lab when no dev server is running', () => {
    expect(chooseRendererSource({ isPackaged: false, devServerUrl: undefined })).toEqual(packaged)
  })

  it('uses a local dev server in development, allowing its hot-reload socket', () => {
    expect(chooseRendererSource({ isPackaged: false, devServerUrl: 'http://localhost:5173' })).toEqual({
      entryUrl: 'http://localhost:5173/',
      origin: 'http://localhost:5173',
      extraRequestOrigins: ['http://localhost:5173', 'ws://localhost:5173'],
    })
  })

  it.each(['https://evil.example/', 'http://192.168.1.20:5173/', 'file:///tmp/index.html', 'garbage'])(
    'ignores a dev server URL that is not local http: %s',
    (url) => {
      expect(chooseRendererSource({ isPackaged: false, devServerUrl: url })).toEqual(packaged)
    },
  )
})
