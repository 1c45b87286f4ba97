import { basename, join } from 'node:path'
import { build } from 'vite'

/**
 * Bundles one browser entry with vite into outDir and returns the file's path:
 * 'es' for a page's module script, 'iife' for a script Playwright injects
 * before any page script (addInitScript). Not minified, as electron-vite
 * builds the renderer, so app code timed here runs as the app runs it.
 */
export async function bundleBrowserCode(entry: string, outDir: string, format: 'es' | 'iife'): Promise<string> {
  const fileName = `${basename(entry, '.ts')}.js`
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: false,
      write: true,
      target: 'es2023',
      minify: false,
      lib: {
        entry,
        formats: [format],
        fileName: () => fileName,
        ...(format === 'iife' ? { name: basename(entry, '.ts').replace(/\W/g, '_') } : {}),
      },
    },
  })
  return join(outDir, fileName)
}
