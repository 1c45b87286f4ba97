import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import Ajv from 'ajv'
import { describe, expect, it } from 'vitest'
import { projectRoot } from './built-output'

// Parse the YAML with the very js-yaml electron-builder itself loads, and
// validate against the schema shipped in the installed app-builder-lib.
const require = createRequire(import.meta.url)
const builderLib = require.resolve('app-builder-lib/package.json')
const { load } = createRequire(builderLib)('js-yaml') as { load: (text: string) => unknown }
const schema = JSON.parse(readFileSync(join(builderLib, '..', 'scheme.json'), 'utf8')) as object

type Config = Record<string, unknown> & { electronFuses?: Record<string, unknown> }
const config = load(readFileSync(join(projectRoot, 'electron-builder.yml'), 'utf8')) as Config

// Strict mode, so a schema feature ajv does not understand fails loudly instead of passing silently.
const ajv = new Ajv({ allErrors: true, allowUnionTypes: true })
ajv.addKeyword('typeof') // app-builder-lib's marker for function-valued hooks
const check = ajv.compile(schema)

function validate(candidate: unknown) {
  const valid = check(candidate)
  return {
    valid,
    errors: (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`),
  }
}

describe('electron-builder.yml', () => {
  it("is valid against app-builder-lib's own schema", () => {
    expect(validate(config).errors).toEqual([])
    expect(validate(config).valid).toBe(true)
  })

  it('would fail on an unknown or misspelt key, so the check above means something', () => {
    const misspeltTop = validate({ ...config, electronFuse: config.electronFuses })
    expect(misspeltTop.valid).toBe(false)
    expect(misspeltTop.errors.join('\n')).toContain('electronFuse"')

    const misspeltFuse = validate({ ...config, electronFuses: { ...config.electronFuses, runAsnode: false } })
    expect(misspeltFuse.valid).toBe(false)
    expect(misspeltFuse.errors.join('\n')).toContain('runAsnode')
  })

  it('flips the fuses that keep the installed app from being turned into something else', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    })
  })

  it('packs the built app into an asar for Linux, Windows and macOS', () => {
    expect(config).toMatchObject({
      productName: 'WWA Lab',
      asar: true,
      files: ['out/**', 'package.json'],
      linux: { target: ['AppImage', 'deb'], maintainer: expect.any(String), category: expect.any(String) },
      win: { target: ['nsis'] },
      mac: { target: ['dmg'] },
    })
    expect(config['appId']).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i)
  })
})
