import { parseArgs } from 'node:util'
import packageJson from '../package.json' with { type: 'json' }
import { messageOf } from '../core/text/message-of'

export type Output = { write(text: string): unknown }

const usage = `wwa-lab ${packageJson.version}: verify, inspect and compute from WWA Lab files, without the desktop app.

Usage:
  wwa-lab --help       show this help
  wwa-lab --version    print the version

Commands for packets (verify, inspect) and availability arrive with those features.
`

/** Runs the command line and returns the exit code: 0 done, 2 wrong usage. */
export async function main(argv: readonly string[], io: { out: Output; err: Output }): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } },
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    io.err.write(`wwa-lab: ${messageOf(error)}\nRun "wwa-lab --help" for usage.\n`)
    return 2
  }
  if (parsed.values.version) {
    io.out.write(`${packageJson.version}\n`)
    return 0
  }
  if (parsed.values.help || parsed.positionals.length === 0) {
    io.out.write(usage)
    return 0
  }
  io.err.write(`wwa-lab: unknown command "${parsed.positionals[0]}".\nRun "wwa-lab --help" for usage.\n`)
  return 2
}
