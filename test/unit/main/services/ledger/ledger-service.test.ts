import * as nodeFs from 'node:fs/promises'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LedgerRecordRequest } from '../../../../../core/bridge/ledger'
import { ServiceError } from '../../../../../main/ipc/dispatcher'
import { encodeLedger } from '../../../../../main/services/ledger/ledger-file'
import { createLedgerService, type LedgerFs } from '../../../../../main/services/ledger/ledger-service'
import type { WritableHandle } from '../../../../../main/services/files/atomic-write'

let dir: string
let ledgerPath: string
beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'wwa-ledger-')), 'wwa-lab-main')
  ledgerPath = join(dir, 'ledger.json')
})
afterEach(async () => {
  await rm(join(dir, '..'), { recursive: true, force: true })
})

const clock = () => {
  let t = Date.UTC(2026, 11, 1, 9, 0, 0)
  return () => new Date((t += 1000))
}

const hash = (digit: string) => digit.repeat(64)
const state = (seq: number, extra: Partial<LedgerRecordRequest> = {}): LedgerRecordRequest => ({
  database: 'wwa-lab',
  head: { seq, hash: hash(String(seq % 10)) },
  counts: { products: 3, audit: seq },
  ...extra,
})

const refusal = async (promise: Promise<unknown>): Promise<{ code: string; message: string }> => {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  if (!(error instanceof ServiceError)) throw new Error(`expected a ServiceError, got ${String(error)}`)
  return { code: error.code, message: error.message }
}

/** The real file system, recording every step the ledger takes, in order. */
function recordingFs(steps: string[], failOn?: 'rename' | 'sync'): LedgerFs {
  const name = (path: string) => (path === dir ? '<folder>' : path.endsWith('.tmp') ? '<temp>' : path.split('/').pop())
  return {
    readFile: (path) => nodeFs.readFile(path),
    mkdir: (path, options) => nodeFs.mkdir(path, options),
    stat: (path) => nodeFs.stat(path),
    rm: async (path, options) => {
      steps.push(`rm ${name(path)}`)
      await nodeFs.rm(path, options)
    },
    rename: async (from, to) => {
      steps.push(`rename ${name(from)} -> ${name(to)}`)
      if (failOn === 'rename') throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' })
      await nodeFs.rename(from, to)
    },
    open: async (path, flags, mode) => {
      const real = await nodeFs.open(path, flags, mode)
      steps.push(`open ${name(path)}`)
      const handle: WritableHandle = {
        write: async (data, offset, length, position) => {
          steps.push(`write ${name(path)}`)
          return real.write(data, offset, length, position)
        },
        sync: async () => {
          steps.push(`fsync ${name(path)}`)
          if (failOn === 'sync') throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
          await real.sync()
        },
        close: async () => {
          steps.push(`close ${name(path)}`)
          await real.close()
        },
      }
      return handle
    },
  }
}

describe('the ledger main keeps outside IndexedDB', () => {
  it('reads null before anything was recorded, then what was recorded, from a fresh service too', async () => {
    const ledger = createLedgerService({ userDataDir: dir, now: clock() })
    expect(await ledger.read()).toBeNull()

    const { updatedAt } = await ledger.record(state(12))

    const expected = { ...state(12), updatedAt }
    expect(await ledger.read()).toEqual(expected)
    // What a restart reads: the file, not memory.
    expect(await createLedgerService({ userDataDir: dir }).read()).toEqual(expected)
  })

  it('writes a temporary file, fsyncs it, renames it over ledger.json and fsyncs the folder, before answering', async () => {
    const steps: string[] = []
    const ledger = createLedgerService({ userDataDir: dir, fs: recordingFs(steps) })

    await ledger.record(state(1))

    expect(steps).toEqual([
      'open <temp>',
      'write <temp>',
      'fsync <temp>',
      'close <temp>',
      'rename <temp> -> ledger.json',
      'open <folder>',
      'fsync <folder>',
      'close <folder>',
    ])
    expect(await readdir(dir)).toEqual(['ledger.json'])
  })

  it('keeps the previous record when a write fails, says so, and leaves no temporary file', async () => {
    const ledger = createLedgerService({ userDataDir: dir, now: clock() })
    const { updatedAt } = await ledger.record(state(5))
    const before = await readFile(ledgerPath)

    for (const failOn of ['sync', 'rename'] as const) {
      const failing = createLedgerService({ userDataDir: dir, fs: recordingFs([], failOn) })
      const problem = await refusal(failing.record(state(6)))
      expect(problem.code).toBe('io-failed')
      expect(problem.message).toContain(ledgerPath)
      expect(problem.message).toMatch(
        /could not be written: (the disk is full|the disk reported a read or write error)/,
      )
      expect(problem.message).toContain('The previous record is unchanged.')
      expect(await readFile(ledgerPath)).toEqual(before)
      expect(await readdir(dir)).toEqual(['ledger.json'])
      expect(await failing.read()).toEqual({ ...state(5), updatedAt })
    }
  })

  it('refuses to record a database other than the lab’s, naming both, and changes nothing', async () => {
    const ledger = createLedgerService({ userDataDir: dir, now: clock() })
    // Before any ledger, the lab's database is the default one.
    expect(await refusal(ledger.record(state(1, { database: 'wwa-lab-restore-1' })))).toEqual({
      code: 'invalid-request',
      message: expect.stringContaining(
        'The lab’s data is the database “wwa-lab”; WWA Lab will not record “wwa-lab-restore-1”',
      ),
    })
    await expect(readdir(dir)).rejects.toThrow(/ENOENT/)

    await ledger.record(state(3))
    const before = await readFile(ledgerPath)
    expect((await refusal(ledger.record(state(4, { database: 'elsewhere' })))).code).toBe('invalid-request')
    expect(await readFile(ledgerPath)).toEqual(before)
  })

  it('switches to a restored database, after which only that one is recorded', async () => {
    const ledger = createLedgerService({ userDataDir: dir, now: clock() })
    await ledger.record(state(40))

    // A restore's database starts its own count: a shorter trail than the old one is what it is.
    const restored = state(30, { database: 'wwa-lab-restore-1' })
    const { updatedAt } = await ledger.switchDatabase(restored)

    expect(await createLedgerService({ userDataDir: dir }).read()).toEqual({ ...restored, updatedAt })
    expect((await refusal(ledger.record(state(41)))).code).toBe('invalid-request')
    await ledger.record(state(31, { database: 'wwa-lab-restore-1' }))
    expect((await ledger.read())?.head?.seq).toBe(31)
  })

  it('never lets an older state replace a newer one, and applies writes in the order they arrive', async () => {
    const ledger = createLedgerService({ userDataDir: dir, now: clock() })
    // Sent one after another without waiting, as the renderer's writes may be.
    const replies = await Promise.allSettled([10, 11, 12, 13].map((seq) => ledger.record(state(seq))))
    expect(replies.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled'])
    expect((await createLedgerService({ userDataDir: dir }).read())?.head?.seq).toBe(13)

    const problem = await refusal(ledger.record(state(12)))
    expect(problem).toEqual({
      code: 'out-of-order',
      message:
        'The state sent ends at audit entry #12, but #13 is recorded already: an older state never replaces a newer one.',
    })
    expect((await refusal(ledger.record(state(1, { head: null })))).message).toContain('has no audit entries')
    expect((await createLedgerService({ userDataDir: dir }).read())?.head?.seq).toBe(13)
  })

  describe('a ledger file that cannot be trusted is reported, never read as if it were fine', () => {
    const damaged = async (bytes: Uint8Array | string) => {
      await nodeFs.mkdir(dir, { recursive: true })
      await writeFile(ledgerPath, bytes)
      return refusal(createLedgerService({ userDataDir: dir }).read())
    }
    const good = encodeLedger({ ...state(1204), updatedAt: '2026-12-01T09:00:00.000Z' })

    it.each([
      ['torn in half', good.slice(0, Math.floor(good.byteLength / 2)), 'cut short or overwritten'],
      ['empty', new Uint8Array(0), 'the file is empty'],
      ['garbage', new Uint8Array([0xff, 0xfe, 0x00, 0x41, 0x9c]), 'cut short or overwritten'],
      ['valid JSON of something else', '{"hello":"world"}', 'not readable as a ledger'],
      [
        'a changed digit that still parses',
        new TextDecoder().decode(good).replace('"seq":1204', '"seq":1180'),
        'no longer match the SHA-256',
      ],
      [
        'from a newer WWA Lab',
        new TextDecoder().decode(good).replace('"format":1', '"format":2'),
        'written by a newer WWA Lab (ledger format 2; this version reads 1)',
      ],
    ])('%s', async (_, bytes, reason) => {
      const problem = await damaged(bytes)
      expect(problem.code).toBe('untrusted')
      expect(problem.message).toContain(`(${ledgerPath}) is damaged: `)
      expect(problem.message).toContain(reason)
      expect(problem.message).toContain('cannot tell from it whether any of the lab’s data is missing')
    })

    it('refuses to record over it, and leaves it for a person to look at', async () => {
      await damaged('{"format":1')
      const ledger = createLedgerService({ userDataDir: dir })
      expect((await refusal(ledger.record(state(1)))).code).toBe('untrusted')
      expect(await readFile(ledgerPath, 'utf8')).toBe('{"format":1')
    })

    it('lets a restore switch to its verified database all the same', async () => {
      await damaged('{"format":1')
      const ledger = createLedgerService({ userDataDir: dir, now: clock() })
      const { updatedAt } = await ledger.switchDatabase(state(7, { database: 'wwa-lab-restore-2' }))
      expect(await ledger.read()).toEqual({ ...state(7, { database: 'wwa-lab-restore-2' }), updatedAt })
    })
  })
})
