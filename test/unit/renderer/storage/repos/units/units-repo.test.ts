import { describe, expect, it } from 'vitest'
import { createRepositories } from '../../../../../../renderer/storage/repositories'
import { freshLabDb } from '../../../../../helpers/lab-db'
import { aProduct, aUnit } from '../../../../../helpers/records'

const probeImage = () => Promise.reject(new Error('not used'))

function setup() {
  const db = freshLabDb()
  return { db, repos: createRepositories(db, { probeImage }) }
}

describe('a second unit with the same serial number on the same product', () => {
  it('is refused beside the serial field, naming the first unit, and nothing is stored or audited', async () => {
    const { db, repos } = setup()
    await repos.products.save(aProduct())
    await repos.units.save(aUnit({ id: 'first', serialNumber: 'SN-0001', receivedOn: '2026-11-02' }))
    const audited = await db.audit.count()
    const second = await repos.units.save(aUnit({ id: 'second', serialNumber: ' sn-0001 ', receivedFrom: 'Other' }))
    expect(second).toEqual({
      ok: false,
      problem: {
        code: 'invalid',
        field: 'serialNumber',
        message:
          'Serial number SN-0001 is already recorded for this product (unit SN-0001, received on 11/02/2026 from Acme Ltd.): open that unit instead, or correct the serial number.',
      },
    })
    expect((await repos.units.list()).map((u) => u.id)).toEqual(['first'])
    expect(await db.audit.count()).toBe(audited)
  })

  it('names the unit received first when several already share the serial', async () => {
    const { db, repos } = setup()
    // Written past the repository, as a database from before the rule could hold them.
    await db.units.bulkPut([
      aUnit({ id: 'later', serialNumber: 'SN-7', receivedOn: '2026-10-05', receivedFrom: 'Later Ltd.' }),
      aUnit({ id: 'earlier', serialNumber: 'SN-7', receivedOn: '2026-09-01', receivedFrom: 'Earlier Ltd.' }),
    ])
    expect(await repos.units.serialTwin({ id: 'new', productId: 'p-1', serialNumber: 'sn-7' })).toMatchObject({
      id: 'earlier',
    })
  })

  it('is allowed on another product, and the unit itself can be saved again', async () => {
    const { repos } = setup()
    await repos.units.save(aUnit({ id: 'a', serialNumber: 'SN-1' }))
    expect((await repos.units.save(aUnit({ id: 'b', productId: 'p-2', serialNumber: 'SN-1' }))).ok).toBe(true)
    expect((await repos.units.save(aUnit({ id: 'a', serialNumber: 'SN-1', firmware: '9.9' }))).ok).toBe(true)
    expect((await repos.units.get('a'))?.firmware).toBe('9.9')
    expect(await repos.units.serialTwin({ id: 'a', productId: 'p-1', serialNumber: 'SN-1' })).toBeUndefined()
  })

  it('is refused in saveMany, against stored units and within the batch, all or nothing', async () => {
    const { repos } = setup()
    await repos.units.save(aUnit({ id: 'stored', serialNumber: 'SN-1' }))
    expect(
      await repos.units.saveMany([aUnit({ id: 'x', serialNumber: 'SN-2' }), aUnit({ id: 'y', serialNumber: 'sn-1' })]),
    ).toMatchObject({
      ok: false,
      problem: { field: 'serialNumber', message: expect.stringMatching(/^Unit 2: Serial number SN-1 is already/) },
    })
    expect(
      await repos.units.saveMany([aUnit({ id: 'x', serialNumber: 'SN-3' }), aUnit({ id: 'y', serialNumber: 'SN-3' })]),
    ).toMatchObject({ ok: false, problem: { message: expect.stringMatching(/^Unit 2: Serial number SN-3/) } })
    expect((await repos.units.list()).map((u) => u.id)).toEqual(['stored'])
    // Saving the stored unit again in a batch is not a duplicate of itself.
    expect((await repos.units.saveMany([aUnit({ id: 'stored', serialNumber: 'SN-1' })])).ok).toBe(true)
  })
})
