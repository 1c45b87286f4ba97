import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { encodePng, type PngOptions } from '../helpers/png'

export { encodePng, type PngOptions }

/** Files a test hands to the app through an answered dialog, in a temp folder of their own. */
export type FixtureFiles = {
  readonly dir: string
  /** Writes a solid-colour PNG and returns its path. */
  png(name: string, options: PngOptions): Promise<string>
  text(name: string, content: string): Promise<string>
  bytes(name: string, content: Uint8Array): Promise<string>
  remove(): Promise<void>
}

export async function createFixtureFiles(prefix = 'wwa-lab-files-'): Promise<FixtureFiles> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  const write = async (name: string, content: Uint8Array | string): Promise<string> => {
    // A fixture name with a folder in it would write outside the temp folder the test cleans up.
    if (name !== basename(name) || name === '' || name === '.' || name === '..') {
      throw new Error(`Fixture file name "${name}" must be a plain file name, without folders.`)
    }
    const path = join(dir, name)
    await writeFile(path, content)
    return path
  }
  return {
    dir,
    png: (name, options) => write(name, encodePng(options)),
    text: (name, content) => write(name, content),
    bytes: (name, content) => write(name, content),
    remove: () => rm(dir, { recursive: true, force: true }),
  }
}
