// `npm start`: fetch Electron's binary if it is missing, build once, open the app.
// Electron 45 downloads its binary lazily and electron-vite 6 looks only for
// node_modules/electron/path.txt, so `electron-vite preview` on a fresh clone
// stopped with "Electron uninstall" (and built a second time before that).
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { launchElectron, runStep, startApp } from './start-app'

const root = resolve(import.meta.dirname, '..')
const require = createRequire(join(root, 'package.json'))
const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js')
// WWA_LAB_ELECTRON_DIR and WWA_LAB_ELECTRON_INSTALLER exist for the test of this
// script, which runs it with a stand-in package and installer.
const electronDir = process.env['WWA_LAB_ELECTRON_DIR'] ?? dirname(require.resolve('electron/package.json'))
const installer = process.env['WWA_LAB_ELECTRON_INSTALLER'] ?? join(electronDir, 'install.js')

process.exitCode = await startApp({
  root,
  electronDir,
  installer: [process.execPath, installer],
  build: [process.execPath, electronVite, 'build'],
  run: runStep,
  launch: launchElectron,
  say: (text) => console.error(text),
  env: process.env,
  platform: process.platform,
  arch: process.arch,
  electronArgs: process.argv.slice(2),
})
