import * as nodeFs from 'node:fs/promises'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { maxJournalChars, maxJournalEntries } from '../../../../../core/bridge/journal'
import { ServiceError } from '../../../../../main/ipc/dispatcher'
import type { WritableHandle } from '../../../../../main/services/files/atomic-write'
import {
  createJournalService,
  journalFileName,
  type JournalFs,
} from '../../../../../main/services/journal/journal-service'

let dir: string
beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'wwa-journal-')), 'wwa-lab-main')
})
afterEach(async () => {
  await rm(join(dir, '..'), { recursive: true, force: true })
})

const put = (key: string, value: string) => ({ puts: [{ key, value }], drops: [] })
const drop = (key: string) => ({ puts: [], drops: [key] })

/** The real file system, counting the files it renames into place, and failing every sync once `failing.now` is set. */
function countingFs(failing = { now: false }) {
  const counts = { files: 0 }
  const fs: JournalFs = {
    readFile: (path) => nodeFs.readFile(path),
    mkdir: (path, options) => nodeFs.mkdir(path, options),
    stat: (path) => nodeFs.stat(path),
    rm: (path, options) => nodeFs.rm(path, options),
    rename: async (from, to) => {
      counts.files += 1
      await nodeFs.rename(from, to)
    },
    open: async (path, flags, mode) => {
      const handle = await nodeFs.open(path, flags, mode)
      const wrapped: WritableHandle = {
        write: (buffer, offset, length, position) => handle.write(buffer, offset, length, position),
        sync: async () => {
          if (failing.now) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
          await handle.sync()
        },
        close: () => handle.close(),
      }
      return wrapped
    },
  }
  return { fs, counts }
}

describe('main’s journal of entries not yet stored', () => {
  it('is on disk when a write answers, and a new start (after a kill) reads what it held', async () => {
    const journal = createJournalService({ userDataDir: dir })
    expect(await journal.read()).toEqual({ entries: [], damaged: null })
    await journal.write(put('wwa-lab.pending-result.s-1/TC-1', '{"v":1}'))
    await journal.write(put('wwa-lab.pending-result.s-1/TC-2', '{"v":2}'))
    await journal.write(drop('wwa-lab.pending-result.s-1/TC-1'))

    const again = createJournalService({ userDataDir: dir })
    expect(await again.read()).toEqual({
      entries: [{ key: 'wwa-lab.pending-result.s-1/TC-2', value: '{"v":2}' }],
      damaged: null,
    })
  })

  it('applies calls in the order they arrive, and calls made during a write share the next file', async () => {
    const { fs, counts } = countingFs()
    const journal = createJournalService({ userDataDir: dir, fs })
    await journal.read()
    // A typist's 50 keystrokes sent without waiting, then the write that stored them settling the entry, then one more.
    const calls = Array.from({ length: 50 }, (_, i) => journal.write(put('k', `text ${i + 1}`)))
    calls.push(journal.write(drop('k')), journal.write(put('k', 'text 51')))
    const answers = await Promise.all(calls)
    expect(answers.at(-1)).toEqual({ entries: 1 })
    // The first write starts at once; everything sent meanwhile shares the second.
    expect(counts.files).toBe(2)
    const after = await createJournalService({ userDataDir: dir }).read()
    expect(after.entries).toEqual([{ key: 'k', value: 'text 51' }])
  })

  it('sets a damaged file aside, says so, and starts afresh without deleting it', async () => {
    await nodeFs.mkdir(dir, { recursive: true })
    await writeFile(join(dir, journalFileName), '{"format":1,"sha256":"00","entries":[{"key":"k","val')
    const journal = createJournalService({ userDataDir: dir, now: () => new Date('2026-12-03T08:00:00.000Z') })
    const read = await journal.read()
    expect(read.entries).toEqual([])
    expect(read.damaged).toMatch(
      /could not be read \(the file is cut short or overwritten\); it was set aside as .*pending-entries\.damaged-2026-12-03T08-00-00-000Z\.json/,
    )
    const files = await readdir(dir)
    expect(files).toContain('pending-entries.damaged-2026-12-03T08-00-00-000Z.json')
    expect(await readFile(join(dir, 'pending-entries.damaged-2026-12-03T08-00-00-000Z.json'), 'utf8')).toContain('"val')
    await journal.write(put('k', 'v'))
    expect((await createJournalService({ userDataDir: dir }).read()).entries).toEqual([{ key: 'k', value: 'v' }])
  })

  it('does not read a file whose entries were changed after they were written', async () => {
    const journal = createJournalService({ userDataDir: dir })
    await journal.write(put('k', 'passed'))
    const path = join(dir, journalFileName)
    await writeFile(path, (await readFile(path, 'utf8')).replace('passed', 'failed'))
    const read = await createJournalService({ userDataDir: dir }).read()
    expect(read.entries).toEqual([])
    expect(read.damaged).toMatch(/no longer match the SHA-256/)
  })

  it('refuses with the reason when the disk fails, leaves the last file as it was, and writes again later', async () => {
    const failing = { now: false }
    const { fs } = countingFs(failing)
    const journal = createJournalService({ userDataDir: dir, fs })
    await journal.write(put('a', '1'))
    failing.now = true
    const error: unknown = await journal.write(put('b', '2')).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ServiceError)
    expect((error as ServiceError).code).toBe('io-failed')
    expect((error as ServiceError).message).toMatch(/could not be written: the disk is full/)
    expect((await createJournalService({ userDataDir: dir }).read()).entries).toEqual([{ key: 'a', value: '1' }])
    expect((await readdir(dir)).filter((f) => f !== journalFileName)).toEqual([])
    failing.now = false
    await journal.write(put('c', '3'))
    expect((await createJournalService({ userDataDir: dir }).read()).entries.map((e) => e.key)).toEqual(['a', 'b', 'c'])
  })

  it('keeps at most its limit of entries and says so, adding nothing of a write that would pass it', async () => {
    const journal = createJournalService({ userDataDir: dir })
    const puts = Array.from({ length: 1_000 }, (_, i) => ({ key: `k${i}`, value: 'x' }))
    for (let round = 0; round < maxJournalEntries / 1_000; round++)
      await journal.write({ puts: puts.map((p) => ({ ...p, key: `${p.key}-${round}` })), drops: [] })
    const error: unknown = await journal.write(put('one-more', 'x')).catch((e: unknown) => e)
    expect((error as ServiceError).code).toBe('too-many')
    expect((error as ServiceError).message).toMatch(/already holds 5000 entries/)
    // Replacing an entry it holds is not an addition.
    await expect(journal.write(put('k0-0', 'y'))).resolves.toEqual({ entries: maxJournalEntries })
  })

  it('keeps at most its limit of characters in all, refusing a write that would pass it whole', async () => {
    const journal = createJournalService({ userDataDir: dir })
    const big = 'x'.repeat(199_000)
    const fits = Math.floor(maxJournalChars / 200_000)
    for (let i = 0; i < fits; i += 20)
      await journal.write({
        puts: Array.from({ length: Math.min(20, fits - i) }, (_, j) => ({ key: `k${i + j}`, value: big })),
        drops: [],
      })
    const error: unknown = await journal.write(put('one-more', big)).catch((e: unknown) => e)
    expect((error as ServiceError).code).toBe('too-large')
    expect((await journal.read()).entries).toHaveLength(fits)
    // Dropping as it adds makes room.
    await expect(journal.write({ puts: [{ key: 'one-more', value: big }], drops: ['k0'] })).resolves.toEqual({
      entries: fits,
    })
  })
})
