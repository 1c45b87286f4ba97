import { parseArgs } from 'node:util'
import packageJson from '../package.json' with { type: 'json' }
import { messageOf } from '../core/text/message-of'
import { compareListingCommand, compareListingUsage, exitCodes } from './compare-listing'
import type { Output } from './output'

const usage = `wwa-lab ${packageJson.version}: verify, inspect and compute from WWA Lab files, without the desktop app.

Usage:
  wwa-lab compare-listing --product FILE --listing FILE [--json]
                       compare a listing with a product on brand, model number, device type, hub and status
  wwa-lab --help       show this help
  wwa-lab --version    print the version

Commands for packets (verify, inspect) and availability arrive with those features.
Exit status 64 means wrong usage; each command says what its other codes mean ("wwa-lab COMMAND --help").
`

const wrongUsage = (io: { err: Output }, command: string, error: unknown) => {
  io.err.write(`${command}: ${messageOf(error)}\nRun "${command} --help" for usage.\n`)
  return exitCodes.usage
}

async function compareListing(argv: readonly string[], io: { out: Output; err: Output }): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        product: { type: 'string' },
        listing: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    })
  } catch (error) {
    return wrongUsage(io, 'wwa-lab compare-listing', error)
  }
  if (parsed.values.help) {
    io.out.write(compareListingUsage)
    return 0
  }
  return compareListingCommand(parsed.values, io)
}

/** Runs the command line and returns the exit code (64 for wrong usage, as sysexits(3) has it). */
export async function main(argv: readonly string[], io: { out: Output; err: Output }): Promise<number> {
  if (argv[0] === 'compare-listing') return compareListing(argv.slice(1), io)
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } },
      allowPositionals: true,
      strict: true,
    })
  } catch (error) {
    return wrongUsage(io, 'wwa-lab', error)
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
  return exitCodes.usage
}
