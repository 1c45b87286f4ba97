import { describe, expect, it } from 'vitest'
import { createResultJournal } from '../../../../renderer/storage/result-journal'
import { createRepositories } from '../../../../renderer/storage/repositories'
import { freshLabDb } from '../../../helpers/lab-db'
import { aSession } from '../../../helpers/records'

/** A Storage in memory, as the page's localStorage behaves. */
function memoryStorage(): Storage {
  const items = new Map<string, string>()
  return {
    get length() {
      return items.size
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
    clear: () => items.clear(),
  }
}

describe('result journal', () => {
  it('merges changes of one case and forgets them only when the newest is settled', () => {
    const journal = createResultJournal(memoryStorage())
    const first = journal.note('s-1', 'TC-1', { verdict: 'passed' })
    const second = journal.note('s-1', 'TC-1', { notes: 'LED green' })
    expect(second.change).toEqual({ verdict: 'passed', notes: 'LED green' })
    journal.settle('s-1', 'TC-1', first.version)
    expect(journal.pending('s-1')).toHaveLength(1)
    journal.settle('s-1', 'TC-1', second.version)
    expect(journal.pending('s-1')).toEqual([])
  })

  it('keeps a change that never reached IndexedDB, and a later update stores it with the new one', async () => {
    const storage = memoryStorage()
    const db = freshLabDb()
    const repos = createRepositories(db, {
      probeImage: () => Promise.reject(new Error('unused')),
      journalStorage: storage,
    })
    await repos.sessions.create(aSession())
    await repos.sessions.start('s-1')
    repos.results.keepTyping('s-1', 'TC-2', { notes: 'typed, then the window closed' })
    expect(repos.results.pending('s-1')).toMatchObject([
      { caseId: 'TC-2', change: { notes: 'typed, then the window closed' } },
    ])

    await repos.results.update('s-1', 'TC-2', { verdict: 'failed' })
    expect(await db.results.get(['s-1', 'TC-2'])).toMatchObject({
      verdict: 'failed',
      notes: 'typed, then the window closed',
    })
    expect(repos.results.pending('s-1')).toEqual([])
  })

  it('drops a change the session can never take, instead of replaying it forever', async () => {
    const storage = memoryStorage()
    const repos = createRepositories(freshLabDb(), {
      probeImage: () => Promise.reject(new Error('unused')),
      journalStorage: storage,
    })
    await repos.sessions.create(aSession())
    expect(await repos.results.update('s-1', 'TC-1', { verdict: 'passed' })).toMatchObject({
      ok: false,
      problem: { message: expect.stringMatching(/not running/) },
    })
    expect(repos.results.pending('s-1')).toEqual([])
  })
})
