import { afterEach, describe, expect, it } from 'vitest'
import type { Actor } from '../../../../renderer/storage/audit-log'
import { mirrorJournal } from '../../../../renderer/storage/journal-mirror'
import { createRepositories } from '../../../../renderer/storage/repositories'
import { laterPendingEntry, pendingPrefix } from '../../../../renderer/storage/pending-entries'
import { createResultJournal, resultJournalPrefix } from '../../../../renderer/storage/result-journal'
import { freshLabDb } from '../../../helpers/lab-db'
import { aSession } from '../../../helpers/records'
import { servicesOnDisk, type ServicesOnDisk } from '../../main/services/files/lab-over-dispatch'
import { memoryStorage } from '../../../helpers/memory-storage'

const options = { prefix: pendingPrefix, later: laterPendingEntry }
const jo: Actor = { id: 'person-jo', name: 'Jo Doe' }
const at = (minute: number) => `2026-12-03T09:${String(minute).padStart(2, '0')}:00.000Z`

let main: ServicesOnDisk | undefined
afterEach(async () => {
  await main?.remove()
  main = undefined
})

/** Main's journal as a new start reads it: the services of a fresh process over the same folder. */
async function mainAfterRestart(from: ServicesOnDisk) {
  const again = await servicesOnDisk({ userDataDir: from.userDataDir })
  const read = await again.lab.journal.read()
  await again.remove()
  if (!read.ok) throw new Error(read.problem.message)
  return read.value.entries
}

describe('the result journal mirrored to main', () => {
  it('sends every change to main as it is made, and forgets it there once stored', async () => {
    main = await servicesOnDisk()
    const mirror = await mirrorJournal(main.lab.journal, memoryStorage(), options)
    const journal = createResultJournal(mirror.storage)
    const noted = journal.note('s-1', 'TC-1', { verdict: 'failed' }, { actor: jo, at: at(1) })
    journal.note('s-2', 'TC-9', { notes: 'LED off' }, { actor: jo, at: at(2) })
    await mirror.settled()
    expect((await mainAfterRestart(main)).map((e) => e.key)).toEqual([
      `${resultJournalPrefix}s-1/TC-1`,
      `${resultJournalPrefix}s-2/TC-9`,
    ])
    journal.settle('s-1', 'TC-1', noted.version)
    await mirror.settled()
    expect((await mainAfterRestart(main)).map((e) => e.key)).toEqual([`${resultJournalPrefix}s-2/TC-9`])
    expect(mirror.problem()).toBeNull()
  })

  it('brings back, after a kill lost the window’s own copy, what main kept, and stores it as entered', async () => {
    main = await servicesOnDisk()
    const first = await mirrorJournal(main.lab.journal, memoryStorage(), options)
    createResultJournal(first.storage).note('s-1', 'TC-2', { verdict: 'blocked' }, { actor: jo, at: at(5) })
    await first.settled()

    // The kill: localStorage had not reached the disk, so the new window starts with none of it.
    const db = freshLabDb()
    const local = memoryStorage()
    const setup = createRepositories(db, { probeImage: () => Promise.reject(new Error('unused')) })
    await setup.sessions.create(aSession())
    await setup.sessions.start('s-1')
    const mirror = await mirrorJournal(main.lab.journal, local, options)
    const repos = createRepositories(db, {
      probeImage: () => Promise.reject(new Error('unused')),
      journalStorage: mirror.storage,
      now: () => new Date(at(30)),
    })
    const replayed = await repos.results.replayPending('s-1')
    expect(replayed.recovered).toMatchObject([{ caseId: 'TC-2', change: { verdict: 'blocked' }, actor: jo }])
    expect(await db.results.get(['s-1', 'TC-2'])).toMatchObject({ verdict: 'blocked', updatedAt: at(5) })
    await mirror.settled()
    expect(await mainAfterRestart(main)).toEqual([])
  })

  it('keeps the later copy of each entry in both, and gives main what only the window kept', async () => {
    main = await servicesOnDisk()
    const key = `${resultJournalPrefix}s-1/TC-1`
    const entry = (verdict: string, minute: number, version = 1) =>
      JSON.stringify({ change: { verdict }, version, at: at(minute), actor: jo })
    await main.lab.journal.write({
      puts: [
        { key, value: entry('failed', 10) },
        { key: `${resultJournalPrefix}s-1/TC-3`, value: entry('passed', 3) },
      ],
      drops: [],
    })
    const local = memoryStorage()
    local.setItem(key, entry('passed', 9))
    // An older build's entry, never sent to main, and a key that is not the journal's.
    local.setItem(`${resultJournalPrefix}s-1/TC-4`, entry('retest', 4))
    local.setItem('wwa-lab.working-as', 'person-jo')
    const mirror = await mirrorJournal(main.lab.journal, local, options)
    expect(JSON.parse(local.getItem(key) ?? '')).toMatchObject({ change: { verdict: 'failed' } })
    expect(local.getItem(`${resultJournalPrefix}s-1/TC-3`)).not.toBeNull()
    await mirror.settled()
    expect((await mainAfterRestart(main)).map((e) => e.key).sort()).toEqual(
      [key, `${resultJournalPrefix}s-1/TC-3`, `${resultJournalPrefix}s-1/TC-4`].sort(),
    )
  })

  it('never writes an entry over a newer result stored since (a settling that never reached the disk)', async () => {
    const db = freshLabDb()
    const local = memoryStorage()
    const clock = { now: new Date(at(1)) }
    const repos = createRepositories(db, {
      probeImage: () => Promise.reject(new Error('unused')),
      journalStorage: local,
      now: () => clock.now,
    })
    await repos.sessions.create(aSession())
    await repos.sessions.start('s-1')
    // An old copy of "passed" comes back, though "failed" was stored after it.
    const stale = JSON.stringify({ change: { verdict: 'passed' }, version: 1, at: at(1), actor: jo })
    clock.now = new Date(at(2))
    expect((await repos.results.update('s-1', 'TC-1', { verdict: 'failed' })).ok).toBe(true)
    local.setItem(`${resultJournalPrefix}s-1/TC-1`, stale)
    const replayed = await repos.results.replayPending('s-1')
    expect(replayed.recovered).toEqual([])
    expect(await db.results.get(['s-1', 'TC-1'])).toMatchObject({ verdict: 'failed' })
    expect(repos.results.pending('s-1')).toEqual([])

    // The same when "failed" is stored in the moment between the replay's first look and its write (a key pressed
    // as the session opens): the write's own transaction sees it and writes nothing.
    local.setItem(`${resultJournalPrefix}s-1/TC-1`, stale)
    const firstLook = db.results.get.bind(db.results)
    db.results.get = (async () => undefined) as unknown as typeof db.results.get
    const raced = await repos.results.replayPending('s-1')
    db.results.get = firstLook
    expect(raced.recovered).toEqual([])
    expect(await db.results.get(['s-1', 'TC-1'])).toMatchObject({ verdict: 'failed' })
    expect(repos.results.pending('s-1')).toEqual([])
  })

  it('says when main could not keep the journal, and stops saying it once main can again', async () => {
    const services = (main = await servicesOnDisk())
    let failing = true
    const bridge = {
      read: services.lab.journal.read,
      write: async (request: Parameters<typeof services.lab.journal.write>[0]) =>
        failing
          ? { ok: false as const, problem: { code: 'io-failed' as const, message: 'The disk is full.' } }
          : services.lab.journal.write(request),
    }
    const mirror = await mirrorJournal(bridge, memoryStorage(), options)
    const seen: (string | null)[] = []
    mirror.subscribe(() => seen.push(mirror.problem()))
    const journal = createResultJournal(mirror.storage)
    journal.note('s-1', 'TC-1', { verdict: 'failed' }, { actor: jo, at: at(1) })
    await mirror.settled()
    failing = false
    journal.note('s-1', 'TC-1', { notes: 'again' }, { actor: jo, at: at(2) })
    await mirror.settled()
    expect(seen).toEqual(['The disk is full.', null])
  })
})
