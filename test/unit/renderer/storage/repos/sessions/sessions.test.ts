import { describe, expect, it } from 'vitest'
import { createRepositories } from '../../../../../../renderer/storage/repositories'
import { freshLabDb } from '../../../../../helpers/lab-db'
import { aPlanVersion, aSession } from '../../../../../helpers/records'
import { valueOf } from '../../../../../helpers/outcome'

const probeImage = () => Promise.reject(new Error('not used'))

async function running() {
  const db = freshLabDb()
  const repos = createRepositories(db, { probeImage })
  await repos.sessions.create(aSession())
  await repos.sessions.start('s-1')
  return { db, repos }
}

describe('sessions and results', () => {
  it('records verdicts and notes of a running session, each change audited', async () => {
    const { db, repos } = await running()
    await repos.results.update('s-1', 'TC-1', { verdict: 'passed' })
    await repos.results.update('s-1', 'TC-1', { notes: 'LED green' })
    expect(await db.results.get(['s-1', 'TC-1'])).toMatchObject({
      verdict: 'passed',
      notes: 'LED green',
      updatedBy: 'workstation',
    })
    const last = await db.audit.orderBy('seq').last()
    expect(last).toMatchObject({
      entity: { kind: 'result', id: 's-1/TC-1' },
      changes: [{ field: 'notes', before: '', after: 'LED green' }],
    })
  })

  it('will not complete while a required case is undecided, and names it', async () => {
    const { repos } = await running()
    await repos.results.update('s-1', 'TC-1', { verdict: 'passed' })
    await repos.results.update('s-1', 'TC-2', { verdict: 'blocked' })
    expect(await repos.sessions.complete('s-1')).toMatchObject({
      ok: false,
      problem: { message: 'One required case is not decided yet (untested, blocked or marked for retest): TC-2.' },
    })
    expect((await repos.sessions.get('s-1'))?.state).toBe('running')
  })

  it('completes as failed when a required case failed, and then refuses further changes', async () => {
    const { repos } = await running()
    await repos.results.update('s-1', 'TC-1', { verdict: 'passed' })
    await repos.results.update('s-1', 'TC-2', { verdict: 'failed' })
    const done = await repos.sessions.complete('s-1')
    expect(done).toMatchObject({ ok: true, value: { state: 'completed', outcome: 'failed' } })
    expect(await repos.results.update('s-1', 'TC-1', { verdict: 'failed' })).toMatchObject({
      ok: false,
      problem: { message: expect.stringMatching(/not running/) },
    })
  })

  it('completes as passed when optional cases are left untested', async () => {
    const { repos } = await running()
    await repos.results.update('s-1', 'TC-1', { verdict: 'passed' })
    await repos.results.update('s-1', 'TC-2', { verdict: 'not-applicable' })
    expect(await repos.sessions.complete('s-1')).toMatchObject({ ok: true, value: { outcome: 'passed' } })
  })

  it('stores several cases at once, all or none, one entry per case', async () => {
    const { db, repos } = await running()
    const refused = await repos.results.updateMany('s-1', [
      { caseId: 'TC-1', change: { verdict: 'passed' } },
      { caseId: 'TC-99', change: { verdict: 'passed' } },
    ])
    expect(refused).toMatchObject({ ok: false, problem: { message: "Case TC-99 is not part of this session's plan." } })
    expect(await db.results.count()).toBe(0)
    const entriesBefore = await db.audit.count()
    const stored = await repos.results.updateMany('s-1', [
      { caseId: 'TC-1', change: { verdict: 'passed' } },
      { caseId: 'TC-2', change: { verdict: 'failed' } },
      { caseId: 'TC-1', change: { notes: 'LED green' } },
    ])
    expect(stored).toMatchObject({
      ok: true,
      value: [
        { caseId: 'TC-1', verdict: 'passed', notes: 'LED green' },
        { caseId: 'TC-2', verdict: 'failed' },
      ],
    })
    expect(await db.audit.count()).toBe(entriesBefore + 2)
    expect(await db.results.where('[planId+caseId]').equals(['plan-1', 'TC-2']).toArray()).toMatchObject([
      { sessionId: 's-1', verdict: 'failed' },
    ])
  })

  it('refuses a result for a case that is not in the session plan', async () => {
    const { repos } = await running()
    expect(await repos.results.update('s-1', 'TC-99', { verdict: 'passed' })).toMatchObject({
      ok: false,
      problem: { message: "Case TC-99 is not part of this session's plan." },
    })
  })
})

describe('plan versions', () => {
  it('edits a version in place until a session has run it, then saves the edit as the next version', async () => {
    const db = freshLabDb()
    const repos = createRepositories(db, { probeImage })
    await db.planVersions.put(aPlanVersion())
    const edited = valueOf(await repos.plans.save({ ...aPlanVersion(), name: 'WWA smart plug (EU)' }))
    expect(edited.id).toBe('v-1')

    await repos.sessions.create(aSession())
    const next = valueOf(await repos.plans.save({ ...edited, cases: [...edited.cases.slice(0, 2)] }))
    expect(next).toMatchObject({ planId: 'plan-1', version: 2 })
    expect(next.id).not.toBe('v-1')
    expect((await repos.plans.getVersion('v-1'))?.cases).toHaveLength(3)
    expect((await repos.plans.list()).map((p) => [p.latest.version, p.versionCount])).toEqual([[2, 2]])
  })

  it('imports a plan all or nothing: a duplicate case ID stores nothing', async () => {
    const db = freshLabDb()
    const repos = createRepositories(db, { probeImage })
    const cases = aPlanVersion().cases
    expect(
      await repos.plans.importPlan({
        name: 'Dupes',
        cases: [...cases, cases[0]!],
        source: { kind: 'csv', fileName: 'p.csv', sha256: null },
      }),
    ).toMatchObject({
      ok: false,
      problem: { code: 'invalid', message: expect.stringMatching(/already used by case 1/) },
    })
    expect(await db.planVersions.count()).toBe(0)
    expect(await db.audit.count()).toBe(0)
  })
})

describe('sessions that end early, and their reruns', () => {
  it('closes as incomplete with a reason, keeping every result, and reruns the failed, blocked and retest cases', async () => {
    const { db, repos } = await running()
    await repos.results.update('s-1', 'TC-1', { verdict: 'blocked' })
    expect(await repos.sessions.close('s-1', 'incomplete', '  ')).toMatchObject({
      ok: false,
      problem: { field: 'closeReason' },
    })
    const closed = valueOf(await repos.sessions.close('s-1', 'incomplete', ' Hub offline '))
    expect(closed).toMatchObject({
      state: 'completed',
      outcome: 'incomplete',
      closeReason: 'Hub offline',
      completedBy: { id: 'workstation' },
    })
    expect((await db.results.get(['s-1', 'TC-1']))?.verdict).toBe('blocked')
    expect(await repos.sessions.close('s-1', 'abandoned', 'again')).toMatchObject({ ok: false })

    const rerun = valueOf(await repos.sessions.rerun('s-1', { id: 'mk', name: 'Mia K' }, 's-2'))
    expect(rerun).toMatchObject({ id: 's-2', state: 'running', rerunOf: 's-1', testerId: 'mk', outcome: null })
    expect(rerun.plan.cases.map((c) => c.caseId)).toEqual(['TC-1'])
    expect((await repos.sessions.get('s-2'))?.plan.cases.map((c) => c.caseId)).toEqual(['TC-1'])
    expect(await repos.sessions.rerun('s-2', { id: 'mk', name: 'Mia K' }, 's-3')).toMatchObject({
      ok: false,
      problem: { code: 'not-allowed' },
    })
  })
})
