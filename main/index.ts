import { join } from 'node:path'
import { app, BrowserWindow, dialog, Menu, protocol, session } from 'electron'
import { appHost, appScheme } from './app-origin'
import { createElectronDialogs } from './electron-dialogs'
import { createDispatcher } from './ipc/dispatcher'
import { registerIpcHandlers } from './ipc/registry'
import { appSchemePrivileges } from './protocol/app-scheme'
import { createRendererHandler } from './protocol/serve-renderer'
import { contentSecurityPolicy } from './security/csp'
import { hardenApp, hardenSession } from './security/harden'
import { describeApp } from './services/app/app-info'
import { createServices } from './services/index'
import { appMenuTemplate } from './window/app-menu'
import { mainWindowOptions } from './window/main-window-options'
import { chooseRendererSource } from './window/renderer-source'
import { watchRendererTrouble } from './window/renderer-trouble'
import { abandonWhenPageGoes, finishTransfersBeforeQuit } from './window/transfer-lifetime'
import { messageOf } from '../core/text/message-of'

// Built layout: out/main/index.js beside out/preload/index.cjs and out/renderer/.
const preloadPath = join(import.meta.dirname, '../preload/index.cjs')
const rendererRoot = join(import.meta.dirname, '../renderer')

// Both must happen before "ready", so they run while this module loads, with no await before them.
protocol.registerSchemesAsPrivileged([appSchemePrivileges])
app.enableSandbox()

if (app.requestSingleInstanceLock()) {
  start()
} else {
  // Another WWA Lab is running; two writers to one database is how data gets lost.
  app.quit()
}

function start(): void {
  const source = chooseRendererSource({
    isPackaged: app.isPackaged,
    devServerUrl: process.env['ELECTRON_RENDERER_URL'],
  })
  let mainWindow: BrowserWindow | undefined

  hardenApp(app, { appOrigin: source.origin })

  const openMainWindow = (onPageGone: () => void): BrowserWindow => {
    const window = new BrowserWindow(mainWindowOptions(preloadPath))
    abandonWhenPageGoes(window.webContents, source.origin, onPageGone)
    watchRendererTrouble(window.webContents, {
      ask: async ({ buttons, ...question }) => {
        // A renderer gone before its first paint leaves the window hidden; the question needs it on screen.
        if (!window.isVisible()) window.show()
        const { response } = await dialog.showMessageBox(window, { ...question, buttons: [...buttons], noLink: true })
        return response
      },
      quit: () => app.quit(),
    })
    window.once('ready-to-show', () => window.show())
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = undefined
    })
    window.loadURL(source.entryUrl).catch((error: unknown) => {
      const message = messageOf(error)
      dialog.showErrorBox(
        'WWA Lab could not load its window',
        `${message}\n\nReinstalling the app may help. Your saved data has not been changed.`,
      )
      window.show()
    })
    return window
  }

  app.on('second-instance', () => {
    if (mainWindow === undefined) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession, { appOrigin: source.origin, extraOrigins: source.extraRequestOrigins })
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(appMenuTemplate({ isPackaged: app.isPackaged, isMac: process.platform === 'darwin' })),
      )
      protocol.handle(appScheme, createRendererHandler({ root: rendererRoot, host: appHost, contentSecurityPolicy }))

      const services = createServices({
        dialogs: createElectronDialogs(() => mainWindow),
        appInfo: describeApp({ name: app.getName(), version: app.getVersion() }),
        userDataDir: app.getPath('userData'),
      })
      registerIpcHandlers(createDispatcher(services.handlers, { appOrigin: source.origin }))
      const abandonTransfers = () => void services.abandonTransfers()
      finishTransfersBeforeQuit(app, () => services.abandonTransfers())

      mainWindow = openMainWindow(abandonTransfers)
      app.on('activate', () => {
        if (mainWindow === undefined) mainWindow = openMainWindow(abandonTransfers)
      })
    })
    .catch((error: unknown) => {
      const message = messageOf(error)
      dialog.showErrorBox('WWA Lab could not start', `${message}\n\nYour saved data has not been changed.`)
      app.exit(1)
    })
}
