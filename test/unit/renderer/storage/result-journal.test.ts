import { describe, expect, it } from 'vitest'
import type { Actor } from '../../../../renderer/storage/audit-log'
import { createResultJournal } from '../../../../renderer/storage/result-journal'
import { createRepositories } from '../../../../renderer/storage/repositories'
import { freshLabDb } from '../../../helpers/lab-db'
import { aSession } from '../../../helpers/records'
import { memoryStorage } from '../../../helpers/memory-storage'

const jo: Actor = { id: 'person-jo', name: 'Jo Doe' }
const sam: Actor = { id: 'person-sam', name: 'Sam Roe' }

/** Repositories over one database and one journal, working as whoever `as.actor` names, at the clock `as.at`. */
function bench(storage = memoryStorage(), db = freshLabDb()) {
  const as = { actor: jo, at: new Date('2026-11-20T09:00:00.000Z') }
  const repos = createRepositories(db, {
    probeImage: () => Promise.reject(new Error('unused')),
    journalStorage: storage,
    actor: () => as.actor,
    now: () => as.at,
  })
  return { db, repos, storage, as }
}

describe('result journal', () => {
  it('merges changes of one case and forgets them only when the newest is settled', () => {
    const journal = createResultJournal(memoryStorage())
    const first = journal.note('s-1', 'TC-1', { verdict: 'passed' }, { actor: jo, at: '2026-11-20T09:00:00.000Z' })
    const second = journal.note('s-1', 'TC-1', { notes: 'LED green' }, { actor: jo, at: '2026-11-20T09:00:01.000Z' })
    expect(second.change).toEqual({ verdict: 'passed', notes: 'LED green' })
    journal.settle('s-1', 'TC-1', first.version)
    expect(journal.pending('s-1')).toMatchObject([{ actor: jo, at: '2026-11-20T09:00:01.000Z' }])
    journal.settle('s-1', 'TC-1', second.version)
    expect(journal.pending('s-1')).toEqual([])
  })

  it('replays a change a killed window left, as the person who made it at the time they made it', async () => {
    const { db, repos, storage, as } = bench()
    await repos.sessions.create(aSession())
    await repos.sessions.start('s-1')
    // The window noted Jo's verdict and died before its transaction committed.
    createResultJournal(storage).note(
      's-1',
      'TC-2',
      { verdict: 'failed', notes: 'Relay clicks twice' },
      {
        actor: jo,
        at: '2026-11-20T09:15:00.000Z',
      },
    )

    // Sam opens the session an hour later.
    as.actor = sam
    as.at = new Date('2026-11-20T10:15:00.000Z')
    const replayed = await repos.results.replayPending('s-1')
    expect(replayed.notStored).toEqual([])
    expect(await db.results.get(['s-1', 'TC-2'])).toMatchObject({
      verdict: 'failed',
      notes: 'Relay clicks twice',
      updatedAt: '2026-11-20T09:15:00.000Z',
      updatedBy: 'person-jo',
    })
    const entry = await db.audit.orderBy('seq').last()
    expect(entry).toMatchObject({
      at: '2026-11-20T09:15:00.000Z',
      actor: jo,
      entity: { kind: 'result', id: 's-1/TC-2' },
      action: 'create',
    })
    expect(repos.results.pending('s-1')).toEqual([])
  })

  it('reports a journalled change the session can no longer take, and does not replay it again', async () => {
    const { repos, storage } = bench()
    await repos.sessions.create(aSession()) // never started: results cannot change
    createResultJournal(storage).note(
      's-1',
      'TC-1',
      { verdict: 'passed' },
      {
        actor: jo,
        at: '2026-11-20T09:15:00.000Z',
      },
    )
    const replayed = await repos.results.replayPending('s-1')
    expect(replayed.notStored).toMatchObject([
      { caseId: 'TC-1', change: { verdict: 'passed' }, problem: { code: 'not-allowed' } },
    ])
    expect(repos.results.pending('s-1')).toEqual([])
  })

  it('keeps a journalled change whose store failed for a passing reason, to try again next time', async () => {
    const { db, repos, storage } = bench()
    await repos.sessions.create(aSession())
    await repos.sessions.start('s-1')
    createResultJournal(storage).note(
      's-1',
      'TC-1',
      { verdict: 'passed' },
      {
        actor: jo,
        at: '2026-11-20T09:15:00.000Z',
      },
    )
    db.close()
    const replayed = await repos.results.replayPending('s-1')
    expect(replayed.notStored).toMatchObject([{ caseId: 'TC-1', problem: { code: 'storage-closed' } }])
    expect(repos.results.pending('s-1')).toHaveLength(1)
  })

  it('drops a change the session can never take, instead of replaying it forever', async () => {
    const { repos } = bench()
    await repos.sessions.create(aSession())
    expect(await repos.results.update('s-1', 'TC-1', { verdict: 'passed' })).toMatchObject({
      ok: false,
      problem: { message: expect.stringMatching(/not running/) },
    })
    expect(repos.results.pending('s-1')).toEqual([])
  })
})

describe('notes typed in bursts', () => {
  it('stores every text at once and audits the burst once, as its typist at its last text', async () => {
    const { db, repos, as } = bench()
    await repos.sessions.create(aSession())
    await repos.sessions.start('s-1')
    const before = await db.audit.count()
    for (const [i, text] of ['L', 'LE', 'LED', 'LED g', 'LED green'].entries()) {
      as.at = new Date(Date.parse('2026-11-20T09:00:00.000Z') + i * 100)
      expect((await repos.results.typeNotes('s-1', 'TC-1', text)).ok).toBe(true)
      expect((await db.results.get(['s-1', 'TC-1']))?.notes).toBe(text)
    }
    expect(await db.audit.count()).toBe(before)

    as.actor = sam
    as.at = new Date('2026-11-20T11:00:00.000Z')
    expect(await repos.results.endTyping('s-1')).toEqual({ ok: true, value: 1 })
    expect(await db.audit.count()).toBe(before + 1)
    expect(await db.audit.orderBy('seq').last()).toMatchObject({
      at: '2026-11-20T09:00:00.400Z',
      actor: jo,
      action: 'create',
      changes: expect.arrayContaining([{ field: 'notes', before: undefined, after: 'LED green' }]),
    })
    expect(await repos.results.endTyping('s-1')).toEqual({ ok: true, value: 0 })
  })

  it('audits a burst and the verdict that ends it in one entry, from what the trail last recorded', async () => {
    const { db, repos } = bench()
    await repos.sessions.create(aSession())
    await repos.sessions.start('s-1')
    await repos.results.update('s-1', 'TC-1', { notes: 'Start' })
    await repos.results.typeNotes('s-1', 'TC-1', 'Start, then')
    await repos.results.typeNotes('s-1', 'TC-1', 'Start, then the LED')
    await repos.results.update('s-1', 'TC-1', { verdict: 'failed' })
    const last = await db.audit.orderBy('seq').last()
    expect(last?.changes).toEqual(
      expect.arrayContaining([
        { field: 'notes', before: 'Start', after: 'Start, then the LED' },
        { field: 'verdict', before: 'untested', after: 'failed' },
      ]),
    )
    expect(await repos.results.endTyping('s-1')).toEqual({ ok: true, value: 0 })
  })

  it('audits a burst a killed window left open when the session opens again', async () => {
    const storage = memoryStorage()
    const db = freshLabDb()
    const first = bench(storage, db)
    await first.repos.sessions.create(aSession())
    await first.repos.sessions.start('s-1')
    await first.repos.results.typeNotes('s-1', 'TC-3', 'Typed, then the window died')
    const entries = await db.audit.count()

    // A new window: new repositories over the same database, someone else working.
    const again = bench(storage, db)
    again.as.actor = sam
    await again.repos.results.replayPending('s-1')
    expect(await again.repos.results.endTyping('s-1')).toEqual({ ok: true, value: 1 })
    expect(await db.audit.count()).toBe(entries + 1)
    expect(await db.audit.orderBy('seq').last()).toMatchObject({ actor: jo, entity: { id: 's-1/TC-3' } })
  })
})
