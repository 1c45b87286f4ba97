import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const root = import.meta.dirname
// WWA_LAB_OUT lets two builds of one tree run side by side (each with its e2e run) without overwriting each other.
const out = process.env['WWA_LAB_OUT'] ?? resolve(root, 'out')

export default defineConfig({
  main: {
    build: {
      outDir: resolve(out, 'main'),
      // Bundle zod and the rest into main so the packaged app carries no node_modules at all.
      externalizeDeps: false,
      rolldownOptions: { input: { index: resolve(root, 'main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: resolve(out, 'preload'),
      // A sandboxed preload must be one CommonJS file that requires nothing but
      // electron: bundle every dependency and emit cjs even under "type": "module".
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(out, 'renderer'),
      // electron-vite leaves the renderer unminified; every start of the window parses and compiles this script, so it is
      // kept small. WWA_LAB_MINIFY=0 keeps the names, for reading a CPU profile of the built app.
      minify: process.env['WWA_LAB_MINIFY'] !== '0',
      rolldownOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
})
