import { describe, expect, it } from 'vitest'
import { snapshotOf, type LedgerSnapshot } from '../../../../../renderer/storage/ledger/database-facts'
import { createRepositories } from '../../../../../renderer/storage/repositories'
import { freshLabDb } from '../../../../helpers/lab-db'
import { valueOf } from '../../../../helpers/outcome'
import { aProduct, aSession, aUnit } from '../../../../helpers/records'

const probeImage = () => Promise.reject(new Error('not used'))

describe('the ledger after a write, without counting the long tables', () => {
  it('carries results and the trail forward from the last record, equal to a full count once bursts end', async () => {
    const db = freshLabDb()
    const repos = createRepositories(db, { probeImage })
    valueOf(await repos.products.save(aProduct()))
    const idb = () => db.backendDB()
    let last: LedgerSnapshot = await snapshotOf(idb())
    const step = async () => {
      const carried = await snapshotOf(idb(), last)
      last = carried
      return { carried, counted: await snapshotOf(idb()) }
    }

    valueOf(await repos.units.save(aUnit()))
    valueOf(await repos.sessions.create(aSession()))
    valueOf(await repos.sessions.start('s-1'))
    valueOf(await repos.results.update('s-1', 'TC-1', { verdict: 'passed' }))
    let { carried, counted } = await step()
    expect(carried).toEqual(counted)
    expect(carried.counts['results']).toBe(1)

    // A note typed on a case with no result yet: the row is there before its one entry, at the burst's end.
    valueOf(await repos.results.typeNotes('s-1', 'TC-2', 'LED blinks'))
    ;({ carried, counted } = await step())
    expect(carried.counts['results']).toBe((counted.counts['results'] ?? 0) - 1) // one fewer: never more than there is
    valueOf(await repos.results.endTyping('s-1'))
    valueOf(await repos.results.update('s-1', 'TC-1', { verdict: 'failed' }))
    ;({ carried, counted } = await step())
    expect(carried).toEqual(counted)
    expect(carried.counts['results']).toBe(2)

    // A trail that does not continue from the last record is counted in full.
    const wrong: LedgerSnapshot = { ...last, head: { seq: last.head?.seq ?? 0, hash: 'f'.repeat(64) } }
    expect(await snapshotOf(idb(), wrong)).toEqual(await snapshotOf(idb()))
    db.close()
  })
})
