import { IDBFactory } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import { sealEntry, verifyChain, type AuditEntry } from '../../../../../core/audit/audit-entry'
import { frozenPlanId } from '../../../../../core/model/session'
import { freshLabDb } from '../../../../helpers/lab-db'
import { aPlanVersion, aProduct, aSession, aUnit } from '../../../../helpers/records'

const at = '2026-11-20T09:00:00.000Z'
const actor = { id: 'jd', name: 'Jo Doe' }

/** A version 2 audit trail: unit created, session created, a verdict, as version 2 wrote them (no subjects). */
function version2Trail(): AuditEntry[] {
  const entries: AuditEntry[] = []
  const add = (entity: AuditEntry['entity'], field: string, after: unknown) => {
    entries.push(
      sealEntry(entries.at(-1), {
        at,
        actor,
        entity,
        action: 'create',
        changes: [{ field, before: undefined, after }],
      }),
    )
  }
  add({ kind: 'unit', id: 'u-1', label: 'Unit SN-0001' }, 'productId', 'p-1')
  add({ kind: 'session', id: 's-1', label: 'Session WWA smart plug v1' }, 'state', 'draft')
  add({ kind: 'result', id: 's-1/TC-1', label: 'Case TC-1' }, 'verdict', 'passed')
  return entries
}

describe('migration 3: summaries beside the data, cases out of session rows, audit subjects', () => {
  it('moves every row of a version 2 database into its version 3 shape, losing nothing and keeping the chain intact', async () => {
    const factory = new IDBFactory()
    const v2 = freshLabDb({ factory, maxVersion: 2 })
    const session = aSession({ state: 'running', startedAt: at })
    const trail = version2Trail()
    await v2.products.put(aProduct())
    await v2.units.put(aUnit())
    await v2.planVersions.bulkPut([
      aPlanVersion(),
      aPlanVersion({ id: 'v-2', version: 2, updatedAt: '2026-11-21T09:00:00.000Z' }),
    ])
    // Version 2 rows, written as version 2 wrote them.
    await v2.table('sessions').put(session)
    await v2.table('results').put({
      sessionId: 's-1',
      caseId: 'TC-1',
      verdict: 'passed',
      notes: '',
      evidenceIds: [],
      updatedAt: at,
      updatedBy: 'jd',
    })
    await v2.table('audit').bulkAdd(trail)
    await v2.table('drafts').put({
      key: 'products:p-2',
      kind: 'products',
      recordId: 'p-2',
      title: 'Zeta Z-1',
      value: { brand: 'Zeta' },
      savedAt: at,
    })
    v2.close()

    const v3 = freshLabDb({ factory, maxVersion: 3 })
    await v3.open()
    expect(v3.verno).toBe(3)

    const row = await v3.sessions.get('s-1')
    expect(row?.plan).toEqual({
      planId: 'plan-1',
      versionId: 'v-1',
      name: 'WWA smart plug',
      version: 1,
      caseCount: 3,
      frozenId: frozenPlanId(session.plan),
    })
    expect(row).not.toHaveProperty('plan.cases')
    expect((await v3.frozenPlans.get(frozenPlanId(session.plan)))?.cases).toEqual(session.plan.cases)

    expect(await v3.results.where('[planId+caseId]').equals(['plan-1', 'TC-1']).toArray()).toMatchObject([
      { sessionId: 's-1', verdict: 'passed' },
    ])

    expect(await v3.planSummaries.toArray()).toMatchObject([
      { planId: 'plan-1', versionCount: 2, latest: { id: 'v-2', version: 2, caseCount: 3 } },
    ])

    const audit = await v3.audit.orderBy('seq').toArray()
    expect(audit.map((e) => e.subjects)).toEqual([
      ['unit:u-1', 'product:p-1'],
      ['session:s-1', 'product:p-1'],
      ['result:s-1/TC-1', 'session:s-1', 'product:p-1'],
    ])
    // The subjects sit outside the hash: the trail verifies as it did.
    expect(verifyChain(audit)).toEqual({ intact: true, count: 3 })
    expect(await v3.audit.where('subjects').equals('product:p-1').count()).toBe(3)

    expect(await v3.drafts.toArray()).toMatchObject([
      { key: 'product:p-2', kind: 'product', recordId: 'p-2', title: 'Zeta Z-1' },
    ])
    v3.close()
  })

  it('keeps one frozen copy for sessions that ran the same version, and two for copies that differ', async () => {
    const factory = new IDBFactory()
    const v2 = freshLabDb({ factory, maxVersion: 2 })
    const base = aSession()
    const other = aSession({ id: 's-3', plan: { ...base.plan, cases: base.plan.cases.slice(0, 2) } })
    await v2.table('sessions').bulkPut([base, aSession({ id: 's-2' }), other])
    v2.close()
    const v3 = freshLabDb({ factory })
    expect(await v3.frozenPlans.count()).toBe(2)
    expect((await v3.sessions.get('s-3'))?.plan.caseCount).toBe(2)
    v3.close()
  })
})
