import { describe, expect, it } from 'vitest'
import { createRepositories } from '../../../../../../renderer/storage/repositories'
import { freshLabDb } from '../../../../../helpers/lab-db'
import { aSession } from '../../../../../helpers/records'
import { putSessions } from '../../../../../helpers/stored-rows'

const probeImage = () => Promise.reject(new Error('not used'))

/** A clock that moves one minute per reading, so each write has its own time. */
function minuteClock() {
  let minute = 0
  return () => new Date(Date.UTC(2026, 10, 20, 9, minute++))
}

async function running() {
  const db = freshLabDb()
  const repos = createRepositories(db, { probeImage, now: minuteClock() })
  await repos.sessions.create(aSession())
  await repos.sessions.start('s-1')
  return { db, repos }
}

describe("a session's progress, kept in its row for lists", () => {
  it('counts decided cases as verdicts change, and notes when a result last changed, without touching updatedAt', async () => {
    const { db, repos } = await running()
    const before = await db.sessions.get('s-1')
    expect(before?.decided).toBe(0)
    expect(before?.lastActivityAt).toBeUndefined()

    await repos.results.update('s-1', 'TC-1', { verdict: 'passed' })
    await repos.results.update('s-1', 'TC-2', { verdict: 'blocked' })
    expect((await db.sessions.get('s-1'))?.decided).toBe(1)
    await repos.results.update('s-1', 'TC-1', { verdict: 'failed' })
    expect((await db.sessions.get('s-1'))?.decided).toBe(1)
    await repos.results.updateMany('s-1', [
      { caseId: 'TC-2', change: { verdict: 'not-applicable' } },
      { caseId: 'TC-3', change: { verdict: 'passed' } },
    ])
    expect((await db.sessions.get('s-1'))?.decided).toBe(3)
    await repos.results.update('s-1', 'TC-3', { verdict: 'retest' })
    const after = await db.sessions.get('s-1')
    expect(after?.decided).toBe(2)
    expect(after?.lastActivityAt).toBe((await db.results.get(['s-1', 'TC-3']))?.updatedAt)
    expect(after?.updatedAt).toBe(before?.updatedAt)
  })

  it('counts typed notes as activity when their burst of typing ends, not at every keystroke', async () => {
    const { db, repos } = await running()
    await repos.results.update('s-1', 'TC-1', { verdict: 'passed' })
    const afterVerdict = (await db.sessions.get('s-1'))?.lastActivityAt
    await repos.results.typeNotes('s-1', 'TC-1', 'LED')
    await repos.results.typeNotes('s-1', 'TC-1', 'LED green')
    expect((await db.sessions.get('s-1'))?.lastActivityAt).toBe(afterVerdict)
    await repos.results.endTyping('s-1')
    const typedAt = (await db.results.get(['s-1', 'TC-1']))?.updatedAt
    expect((await db.sessions.get('s-1'))?.lastActivityAt).toBe(typedAt)
    expect(typedAt! > afterVerdict!).toBe(true)
  })

  it('counts once from the results a session stored before its progress was kept, then keeps counting', async () => {
    const db = freshLabDb()
    const repos = createRepositories(db, { probeImage, now: minuteClock() })
    await putSessions(db, [aSession({ state: 'running', startedAt: '2026-11-19T09:00:00.000Z' })])
    await db.results.bulkPut(
      (['passed', 'blocked'] as const).map((verdict, i) => ({
        sessionId: 's-1',
        caseId: `TC-${i + 1}`,
        verdict,
        notes: '',
        evidenceIds: [],
        updatedAt: '2026-11-19T10:00:00.000Z',
        updatedBy: 'jd',
        planId: 'plan-1',
      })),
    )
    expect((await db.sessions.get('s-1'))?.decided).toBeUndefined()
    await repos.results.update('s-1', 'TC-3', { verdict: 'failed' })
    expect((await db.sessions.get('s-1'))?.decided).toBe(2)
  })

  it('counts an old session that is only listed: once, from its results, its last activity the newest result, updatedAt untouched', async () => {
    const db = freshLabDb()
    const repos = createRepositories(db, { probeImage, now: minuteClock() })
    await putSessions(db, [aSession({ state: 'completed', startedAt: '2026-11-19T09:00:00.000Z' })])
    const stored = await db.sessions.get('s-1')
    await db.results.bulkPut(
      (['passed', 'not-applicable', 'retest'] as const).map((verdict, i) => ({
        sessionId: 's-1',
        caseId: `TC-${i + 1}`,
        verdict,
        notes: '',
        evidenceIds: [],
        updatedAt: `2026-11-19T1${i}:00:00.000Z`,
        updatedBy: 'jd',
        planId: 'plan-1',
      })),
    )
    expect(await repos.results.countProgress('s-1')).toEqual({ ok: true, value: true })
    const counted = await db.sessions.get('s-1')
    expect(counted?.decided).toBe(2)
    expect(counted?.lastActivityAt).toBe('2026-11-19T12:00:00.000Z')
    expect(counted?.updatedAt).toBe(stored?.updatedAt)
    // Counted once: a second call finds the count kept and changes nothing.
    expect(await repos.results.countProgress('s-1')).toEqual({ ok: true, value: false })
    expect(await repos.results.countProgress('no-such-session')).toEqual({ ok: true, value: false })
  })

  it('starts a rerun at nothing decided, whatever the session it reruns had', async () => {
    const { db, repos } = await running()
    await repos.results.update('s-1', 'TC-1', { verdict: 'failed' })
    await repos.results.update('s-1', 'TC-2', { verdict: 'passed' })
    await repos.sessions.close('s-1', 'incomplete', 'Hub withdrawn')
    const rerun = await repos.sessions.rerun('s-1', { id: 'jd', name: 'Jo Doe' }, 's-2')
    expect(rerun.ok).toBe(true)
    const row = await db.sessions.get('s-2')
    expect(row?.decided).toBe(0)
    expect(row?.lastActivityAt).toBeUndefined()
  })
})
