import { describe, expect, it } from 'vitest'
import { createRepositories } from '../../../../../renderer/storage/repositories'
import { freshLabDb } from '../../../../helpers/lab-db'
import { aHub, aProduct, aSkill, aUnit } from '../../../../helpers/records'

const probeImage = () => Promise.reject(new Error('not used'))

describe('identity repositories', () => {
  it('round-trips a product, hub, skill and unit, stamping the save time', async () => {
    const repos = createRepositories(freshLabDb(), { probeImage })
    await repos.hubs.save(aHub())
    await repos.skills.save(aSkill())
    await repos.products.save(aProduct({ connection: 'hub', hubId: 'h-1', skillRecordId: 's-1' }))
    await repos.units.save(aUnit())
    expect((await repos.products.get('p-1'))?.hubId).toBe('h-1')
    expect((await repos.hubs.list()).map((h) => h.modelNumber)).toEqual(['HUB-2'])
    expect((await repos.skills.get('s-1'))?.name).toBe('Acme Home')
    const unit = await repos.units.get('u-1')
    expect(unit?.serialNumber).toBe('SN-0001')
    expect(unit?.updatedAt).not.toBe(aUnit().updatedAt)
  })

  it('saves nothing when a record is invalid', async () => {
    const repos = createRepositories(freshLabDb(), { probeImage })
    const bad = aProduct({ asins: [{ marketplace: 'US', asin: 'B0SHORT', variation: '' }] })
    expect(await repos.products.save(bad)).toMatchObject({
      ok: false,
      problem: { code: 'invalid', message: expect.stringMatching(/ASIN/) },
    })
    expect(await repos.products.list()).toEqual([])
  })

  it('saves many units all or nothing: one bad unit stores none', async () => {
    const repos = createRepositories(freshLabDb(), { probeImage })
    const units = [
      aUnit({ id: 'a' }),
      aUnit({ id: 'b', serialNumber: '' }),
      aUnit({ id: 'c', serialNumber: 'SN-0003' }),
    ]
    expect(await repos.units.saveMany(units)).toMatchObject({
      ok: false,
      problem: { message: expect.stringMatching(/Serial number is required/) },
    })
    expect(await repos.units.list()).toEqual([])
    await repos.units.saveMany([aUnit({ id: 'a' }), aUnit({ id: 'c', serialNumber: 'SN-0003' })])
    expect((await repos.units.forProduct('p-1')).map((u) => u.id).sort()).toEqual(['a', 'c'])
  })

  it('never removes a product with units, nor the units with it: the chain of custody stays whole', async () => {
    const repos = createRepositories(freshLabDb(), { probeImage })
    await repos.products.save(aProduct())
    await repos.units.save(aUnit())
    expect(await repos.products.remove('p-1')).toMatchObject({ ok: false, problem: { code: 'not-allowed' } })
    expect((await repos.units.list()).map((u) => u.id)).toEqual(['u-1'])
    expect(await repos.products.get('p-1')).toBeDefined()
  })

  it('stores one lab profile and refuses duplicate initials', async () => {
    const repos = createRepositories(freshLabDb(), { probeImage })
    const profile = {
      id: 'lab' as const,
      name: 'North Bench Lab',
      people: [
        { id: '1', name: 'Jo Doe', initials: 'JD', role: 'tester' as const },
        { id: '2', name: 'Jan Dekker', initials: 'JD', role: 'reviewer' as const },
      ],
      updatedAt: '2026-11-20T09:00:00.000Z',
    }
    expect(await repos.profile.save(profile)).toMatchObject({
      ok: false,
      problem: { message: expect.stringMatching(/JD is already used by Jo Doe/) },
    })
    await repos.profile.save({ ...profile, people: [profile.people[0]!] })
    expect((await repos.profile.get())?.name).toBe('North Bench Lab')
  })
})
