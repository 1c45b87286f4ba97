import { existsSync } from 'node:fs'
import { join } from 'node:path'

export const projectRoot = join(import.meta.dirname, '../../..')

/**
 * The absolute path of a file under out/, or a failure that says what to do.
 * These tests check what `npm run build` produced; `npm test` builds first.
 */
export function builtFile(relativePath: string): string {
  const path = join(projectRoot, 'out', relativePath)
  if (!existsSync(path)) {
    throw new Error(
      `out/${relativePath} is missing: run \`npm run build\` first (\`npm test\` builds before it tests).`,
    )
  }
  return path
}
