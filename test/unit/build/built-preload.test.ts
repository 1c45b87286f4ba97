import { readFileSync } from 'node:fs'
import { compileFunction } from 'node:vm'
import { describe, expect, it, vi } from 'vitest'
import { channels } from '../../../core/bridge/channels'
import { builtFile } from './built-output'

type Api = Record<string, Record<string, (request?: unknown) => Promise<unknown>>>

/**
 * Runs the built preload the way a sandboxed renderer does: as a CommonJS
 * function body, with a require that records every module it asks for.
 */
function runBuiltPreload() {
  const source = readFileSync(builtFile('preload/index.cjs'), 'utf8')
  const required: string[] = []
  const invoke = vi.fn(async (channel: string, ...args: unknown[]) => ({ ok: true, value: { channel, args } }))
  const exposed = new Map<string, unknown>()
  const electron = {
    ipcRenderer: { invoke },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  }
  const fakeRequire = (id: string): unknown => {
    required.push(id)
    if (id !== 'electron') throw new Error(`A sandboxed preload cannot require "${id}"`)
    return electron
  }
  // compileFunction parses the file as a script: a top-level import or export would be a SyntaxError here.
  const body = compileFunction(source, ['require', 'module', 'exports', '__filename', '__dirname'], {
    filename: 'index.cjs',
  })
  const module = { exports: {} }
  body(fakeRequire, module, module.exports, 'index.cjs', '.')
  return { source, required, invoke, exposed }
}

describe('the built preload (out/preload/index.cjs)', () => {
  it('is CommonJS: no top-level import or export, no dynamic import', () => {
    const { source } = runBuiltPreload()
    expect(source).not.toMatch(/^\s*(import|export)\s/m)
    expect(source).not.toMatch(/\bimport\s*\(/)
  })

  it('requires nothing but electron (no zod, no bundler runtime)', () => {
    expect(runBuiltPreload().required).toEqual(['electron'])
  })

  it('exposes window.lab with one function per contract channel', () => {
    const lab = runBuiltPreload().exposed.get('lab') as Api
    const exposedNames = Object.entries(lab).flatMap(([group, calls]) =>
      Object.keys(calls).map((method) => `${group}.${method}`),
    )
    expect(exposedNames.sort()).toEqual([...channels].sort())
  })

  it('sends each call on its channel with exactly the one request argument', async () => {
    const { exposed, invoke } = runBuiltPreload()
    const lab = exposed.get('lab') as Api

    await lab['files']?.['open']?.({ multiple: true })
    await lab['app']?.['info']?.()

    expect(invoke.mock.calls).toEqual([
      ['files.open', { multiple: true }],
      ['app.info', undefined],
    ])
  })
})
