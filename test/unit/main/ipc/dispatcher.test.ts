import { describe, expect, it, vi } from 'vitest'
import type { AppInfo } from '../../../../core/bridge/contract'
import { createDispatcher, ServiceError, type Handlers, type Sender } from '../../../../main/ipc/dispatcher'

const appOrigin = 'app://wwa-lab'
const mainFrame: Sender = { url: 'app://wwa-lab/index.html', isMainFrame: true }
const info: AppInfo = {
  name: 'WWA Lab',
  version: '1.0.0',
  electron: '45.5.0',
  chrome: '140.0.0.0',
  node: '22.0.0',
  platform: 'linux',
}

function spiedHandlers(overrides: Partial<Handlers> = {}) {
  const handlers = {
    'app.info': vi.fn(async () => info),
    'files.open': vi.fn(async () => ({ canceled: true, files: [], rejected: [] })),
    'files.saveAs': vi.fn(async () => ({ canceled: true as const })),
    'files.readRange': vi.fn(async () => ({ bytes: new Uint8Array(1) })),
    'files.closeRead': vi.fn(async () => ({ closed: true })),
    'files.beginSave': vi.fn(async () => ({ canceled: true as const })),
    'files.writeChunk': vi.fn(async () => ({ written: 1 })),
    'files.commitSave': vi.fn(async () => ({ path: '/tmp/a', name: 'a', size: 1, sha256: 'a'.repeat(64) })),
    'files.abortSave': vi.fn(async () => ({ aborted: true })),
    'backups.list': vi.fn(async () => ({ folder: '/tmp/b', generations: 7, backups: [], lastManual: null })),
    'backups.begin': vi.fn(async () => ({ canceled: true as const })),
    'backups.writeChunk': vi.fn(async () => ({ written: 1 })),
    'backups.commit': vi.fn(async () => ({
      path: '/tmp/b/a.zip',
      name: 'a.zip',
      size: 1,
      pruned: [],
      manifest: {
        format: 'wwa-lab-backup' as const,
        formatVersion: 1 as const,
        schemaVersion: 1,
        createdAt: '2026-01-01T00:00:00.000Z',
        reason: 'daily' as const,
        database: 'wwa-lab',
        counts: {},
        parts: [{ name: 'records.json', size: 1, sha256: '0'.repeat(64) }],
      },
    })),
    'backups.abort': vi.fn(async () => ({ aborted: true })),
    'backups.openFile': vi.fn(async () => ({ canceled: true as const })),
    'backups.openStored': vi.fn(async () => ({ name: 'a.zip', size: 1, handle: '0'.repeat(36) })),
    'backups.setGenerations': vi.fn(async () => ({ generations: 7, pruned: [] })),
    'ledger.read': vi.fn(async () => null),
    'ledger.record': vi.fn(async () => ({ updatedAt: '2026-12-01T20:00:00.000Z' })),
    'ledger.switchDatabase': vi.fn(async () => ({ updatedAt: '2026-12-01T20:00:00.000Z' })),
    'journal.read': vi.fn(async () => ({ entries: [], damaged: null })),
    'journal.write': vi.fn(async () => ({ entries: 0 })),
    ...overrides,
  }
  return handlers
}

describe('dispatcher: who may call', () => {
  it.each<[string, Sender]>([
    ['another origin', { url: 'https://evil.example/index.html', isMainFrame: true }],
    ['a look-alike host', { url: 'app://wwa-lab.evil/index.html', isMainFrame: true }],
    ['another port', { url: 'app://wwa-lab:8080/index.html', isMainFrame: true }],
    ['a file:// page', { url: 'file:///tmp/index.html', isMainFrame: true }],
    ['a subframe of the app', { url: 'app://wwa-lab/index.html', isMainFrame: false }],
    ['a garbage URL', { url: 'not a url at all', isMainFrame: true }],
    ['a frame with no URL (already gone)', { url: '', isMainFrame: false }],
  ])('refuses %s without running the service', async (_label, sender) => {
    const handlers = spiedHandlers()
    const dispatch = createDispatcher(handlers, { appOrigin })

    const reply = await dispatch('app.info', sender, undefined)

    expect(reply).toMatchObject({ ok: false, problem: { code: 'forbidden-sender' } })
    expect(handlers['app.info']).not.toHaveBeenCalled()
  })

  it("answers the app's own main frame", async () => {
    const dispatch = createDispatcher(spiedHandlers(), { appOrigin })
    await expect(dispatch('app.info', mainFrame, undefined)).resolves.toEqual({ ok: true, value: info })
  })
})

describe('dispatcher: what may be asked', () => {
  it('names an unknown channel instead of throwing', async () => {
    const dispatch = createDispatcher(spiedHandlers(), { appOrigin })
    const reply = await dispatch('files.delete', mainFrame, {})
    expect(reply).toEqual({
      ok: false,
      problem: { code: 'unknown-channel', message: 'There is no channel named "files.delete".' },
    })
  })

  it('refuses a channel name inherited from Object.prototype', async () => {
    const dispatch = createDispatcher(spiedHandlers(), { appOrigin })
    await expect(dispatch('toString', mainFrame, {})).resolves.toMatchObject({
      ok: false,
      problem: { code: 'unknown-channel' },
    })
  })

  it('rejects an invalid payload, naming the field, without running the service', async () => {
    const handlers = spiedHandlers()
    const dispatch = createDispatcher(handlers, { appOrigin })

    const reply = await dispatch('files.saveAs', mainFrame, { suggestedName: 'report.xlsx', bytes: [1, 2, 3] })

    expect(reply).toMatchObject({ ok: false, problem: { code: 'invalid-request' } })
    expect(!reply.ok && reply.problem.message).toContain('bytes')
    expect(handlers['files.saveAs']).not.toHaveBeenCalled()
  })

  it('rejects an argument to a channel that takes none', async () => {
    const handlers = spiedHandlers()
    const dispatch = createDispatcher(handlers, { appOrigin })
    await expect(dispatch('app.info', mainFrame, { sneaky: true })).resolves.toMatchObject({
      ok: false,
      problem: { code: 'invalid-request' },
    })
    expect(handlers['app.info']).not.toHaveBeenCalled()
  })

  it('passes the parsed request to the service', async () => {
    const handlers = spiedHandlers()
    const dispatch = createDispatcher(handlers, { appOrigin })
    await dispatch('files.open', mainFrame, { title: 'Open a test plan', multiple: true })
    expect(handlers['files.open']).toHaveBeenCalledWith({ title: 'Open a test plan', multiple: true })
  })
})

describe('dispatcher: failures are replies, never throws', () => {
  it('turns an unexpected throw into {ok:false} with code "failed"', async () => {
    const dispatch = createDispatcher(
      spiedHandlers({
        'app.info': async () => {
          throw new Error('boom')
        },
      }),
      { appOrigin },
    )
    await expect(dispatch('app.info', mainFrame, undefined)).resolves.toEqual({
      ok: false,
      problem: { code: 'failed', message: '"app.info" failed: boom' },
    })
  })

  it("keeps a ServiceError's code and message as written for the person", async () => {
    const dispatch = createDispatcher(
      spiedHandlers({
        'files.saveAs': async () => {
          throw new ServiceError('io-failed', 'Could not save report.xlsx: the disk is full.')
        },
      }),
      { appOrigin },
    )
    const reply = await dispatch('files.saveAs', mainFrame, {
      suggestedName: 'report.xlsx',
      bytes: new Uint8Array([1]),
    })
    expect(reply).toEqual({
      ok: false,
      problem: { code: 'io-failed', message: 'Could not save report.xlsx: the disk is full.' },
    })
  })

  it('catches a service reply that breaks the contract', async () => {
    const broken = { name: 42 } as unknown as AppInfo
    const dispatch = createDispatcher(spiedHandlers({ 'app.info': async () => broken }), { appOrigin })
    await expect(dispatch('app.info', mainFrame, undefined)).resolves.toMatchObject({
      ok: false,
      problem: { code: 'invalid-response' },
    })
  })
})
