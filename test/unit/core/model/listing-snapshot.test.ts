import { describe, expect, it } from 'vitest'
import { ListingSnapshot, SkillStoreSnapshot } from '../../../../core/model/listing-snapshot'
import { aListing, aSkillSnapshot } from '../../../helpers/listing-snapshots'

describe('listing snapshot', () => {
  it('keeps what the page showed', () => {
    expect(ListingSnapshot.parse(aListing({ hubAsin: 'B0HUBHUB01', bundleContents: ['Plug'] }))).toMatchObject({
      hubAsin: 'B0HUBHUB01',
      bundleContents: ['Plug'],
    })
    expect(SkillStoreSnapshot.parse(aSkillSnapshot()).status).toBe('available')
  })

  it('refuses an ASIN, marketplace or status that cannot be, naming it', () => {
    const refused = (over: object) => ListingSnapshot.safeParse({ ...aListing(), ...over })
    expect(refused({ asin: 'B0SHORT' }).success).toBe(false)
    expect(refused({ hubAsin: 'nope' }).success).toBe(false)
    // The ASIN check's own words, not zod's "Invalid input"; a blank hub ASIN is the page naming none.
    const hub = refused({ hubAsin: 'B0HUB' })
    expect(hub.success === false && hub.error.issues[0]?.message).toMatch(/ASIN/)
    expect(ListingSnapshot.parse(aListing({ hubAsin: '  ' })).hubAsin).toBe('')
    const market = refused({ marketplace: 'XX' })
    expect(market.success === false && market.error.issues[0]?.message).toBe('Unknown marketplace code "XX".')
    const status = refused({ status: 'gone' })
    expect(status.success === false && status.error.issues[0]?.message).toMatch(/^Choose the status the page showed/)
  })
})
