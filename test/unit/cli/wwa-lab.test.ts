import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import packageJson from '../../../package.json' with { type: 'json' }
import { main } from '../../../cli/wwa-lab'

const run = async (...argv: string[]) => {
  let out = ''
  let err = ''
  const code = await main(argv, {
    out: { write: (t: string) => (out += t) },
    err: { write: (t: string) => (err += t) },
  })
  return { code, out, err }
}

describe('wwa-lab command', () => {
  it('prints its version', async () => {
    expect(await run('--version')).toEqual({ code: 0, out: `${packageJson.version}\n`, err: '' })
  })

  it('prints usage for --help and for no arguments', async () => {
    const help = await run('--help')
    expect(help.code).toBe(0)
    expect(help.out).toMatch(/^wwa-lab \d+\.\d+\.\d+: verify, inspect/)
    expect(help.out).toContain('--version')
    expect((await run()).out).toBe(help.out)
  })

  it('says what is wrong with an unknown option or command, and exits 64 (wrong usage in sysexits)', async () => {
    const option = await run('--frobnicate')
    expect(option.code).toBe(64)
    expect(option.err).toMatch(/Unknown option '--frobnicate'.*\nRun "wwa-lab --help" for usage\./s)
    const command = await run('explode')
    expect(command).toMatchObject({ code: 64, out: '' })
    expect(command.err).toContain('unknown command "explode"')
  })

  it('runs as `npx wwa-lab` from the repository', async () => {
    const { stdout } = await promisify(execFile)('npx', ['--no-install', 'wwa-lab', '--version'], {
      cwd: process.cwd(),
    })
    expect(stdout).toBe(`${packageJson.version}\n`)
  }, 30_000)
})
