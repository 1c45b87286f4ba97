import { describe, expect, it } from 'vitest'
import {
  checkBundle,
  checkHub,
  checkListingStatus,
  checkRetailIds,
  checkSkill,
} from '../../../../../core/rules/comparison/listing-checks'
import { defaultComparisonSettings as settings } from '../../../../../core/rules/comparison/settings'
import { aListing, aSkillSnapshot } from '../../../../helpers/listing-snapshots'
import { aHub, aProduct, aSkill } from '../../../../helpers/records'

const days = (n: number) => new Date(Date.parse('2026-11-20T09:00:00.000Z') + n * 86_400_000)

describe('listing status', () => {
  it('passes a fresh available listing, asks for a new capture when stale, fails one not available', () => {
    expect(checkListingStatus(aListing(), days(3), settings)).toMatchObject({ outcome: 'pass' })
    expect(checkListingStatus(aListing(), days(31), settings)).toMatchObject({
      outcome: 'needs-review',
      reason:
        'The page showed the listing available, but on 2026-11-20, 31 days ago (older than 30): capture it again.',
    })
    expect(checkListingStatus(aListing(), days(31), { ...settings, staleAfterDays: 60 }).outcome).toBe('pass')
    // Stale to the hour: 30 days and an hour is older than 30 days.
    expect(checkListingStatus(aListing(), days(30 + 1 / 24), settings).outcome).toBe('needs-review')
    expect(checkListingStatus(aListing(), days(30), settings).outcome).toBe('pass')
    for (const status of ['unavailable', 'not-valid', 'suppressed'] as const)
      expect(checkListingStatus(aListing({ status }), days(1), settings).outcome).toBe('fail')
    expect(checkListingStatus(aListing({ status: 'suppressed' }), days(1), settings).reason).toBe(
      'The page showed the listing suppressed on 2026-11-20: a badge needs it available.',
    )
  })
})

describe('hub', () => {
  const viaHub = aProduct({ connection: 'hub', hubId: 'h-1' })
  it('passes the tested hub’s ASIN and fails another or none', () => {
    expect(checkHub(aListing({ hubAsin: 'B0HUBHUB01' }), viaHub, aHub())).toMatchObject({ outcome: 'pass' })
    expect(checkHub(aListing({ hubAsin: 'B0OTHERHUB' }), viaHub, aHub())).toMatchObject({
      outcome: 'fail',
      reason: 'The page names hub B0OTHERHUB, not the tested Acme HUB-2 (B0HUBHUB01).',
    })
    expect(checkHub(aListing(), viaHub, aHub())).toMatchObject({
      outcome: 'fail',
      reason: expect.stringMatching(/names no hub ASIN/),
    })
    expect(checkHub(aListing({ hubAsin: 'B0HUBHUB01' }), viaHub, undefined).outcome).toBe('needs-review')
  })

  it('is not applicable to a product without a hub, unless its page names one', () => {
    expect(checkHub(aListing(), aProduct(), undefined).outcome).toBe('not-applicable')
    expect(checkHub(aListing({ hubRequirement: 'Requires Acme Bridge' }), aProduct(), undefined)).toMatchObject({
      outcome: 'needs-review',
      reason: 'The product was certified without a hub, but the page names “Requires Acme Bridge”.',
    })
  })
})

describe('bundle', () => {
  it('puts listed box contents in front of a reviewer and has nothing to say of none', () => {
    expect(checkBundle(aListing(), aProduct(), undefined).outcome).toBe('not-applicable')
    expect(
      checkBundle(aListing({ bundleContents: ['Plug', 'Quick start guide'] }), aProduct(), undefined),
    ).toMatchObject({
      outcome: 'needs-review',
      reason:
        'The page lists 2 items in the box (“Plug”, “Quick start guide”): decide whether that is the configuration tested.',
    })
  })

  it('says when the box holds a hub that is not the hub tested, or any hub for a product tested without one', () => {
    const hub = aHub({ brand: 'Acme', modelNumber: 'HUB-1', name: 'Acme Home Hub' })
    const box = (...items: string[]) => aListing({ bundleContents: items })
    expect(checkBundle(box('Plug', 'Acme Hub Pro'), aProduct(), hub).reason).toBe(
      'The page lists 2 items in the box (“Plug”, “Acme Hub Pro”), with “Acme Hub Pro”: not the hub tested, Acme HUB-1. Decide whether that is the configuration tested.',
    )
    expect(checkBundle(box('Zigbee bridge'), aProduct(), undefined).reason).toContain(
      'with “Zigbee bridge”: the product was tested without a hub.',
    )
    // The tested hub named by its model number or its name is the configuration tested, as far as the machine can tell.
    for (const item of ['Acme HUB-1 hub', 'acme home hub (2nd gen)'])
      expect(checkBundle(box('Plug', item), aProduct(), hub).reason).toMatch(/\): decide whether/)
    // A hub with no name is not named by its brand alone.
    expect(checkBundle(box('Acme Hub Pro'), aProduct(), { ...hub, name: '' }).reason).toContain('not the hub tested')
    // Model HUB-1 is not named by HUB-10; compounds and plurals are hubs.
    expect(checkBundle(box('Acme HUB-10'), aProduct(), hub).reason).toContain('not the hub tested')
    expect(checkBundle(box('SmartHub S3'), aProduct(), hub).reason).toContain('with “SmartHub S3”')
    expect(checkBundle(box('2 Hubs'), aProduct(), hub).reason).toContain('with “2 Hubs”')
    // "Hubcap" is not a hub.
    expect(checkBundle(box('Hubcap'), aProduct(), hub).reason).not.toContain('not the hub tested')
  })
})

describe('skill', () => {
  const withSkill = aProduct({ skillRecordId: 's-1' })
  it('passes a skill available in the marketplace’s store and fails one that is not', () => {
    expect(checkSkill(withSkill, aSkill(), 'US', aSkillSnapshot(), days(1), settings).outcome).toBe('pass')
    expect(
      checkSkill(withSkill, aSkill(), 'US', aSkillSnapshot({ status: 'suppressed' }), days(1), settings).outcome,
    ).toBe('fail')
    expect(checkSkill(withSkill, aSkill(), 'US', aSkillSnapshot(), days(40), settings).outcome).toBe('needs-review')
    expect(checkSkill(withSkill, aSkill(), 'DE', undefined, days(1), settings)).toMatchObject({
      outcome: 'needs-review',
      reason: expect.stringMatching(/No skill-store snapshot of .+ in DE: capture one\./),
    })
    expect(checkSkill(aProduct(), undefined, 'US', undefined, days(1), settings).outcome).toBe('not-applicable')
  })
})

describe('retail identifiers', () => {
  it('passes the product’s own (a UPC-A and its EAN-13 are one), fails an invalid or foreign one', () => {
    expect(checkRetailIds(aListing(), aProduct()).outcome).toBe('not-applicable')
    expect(
      checkRetailIds(aListing({ retailIds: [{ kind: 'UPC-A', value: '036000291452' }] }), aProduct()).outcome,
    ).toBe('pass')
    expect(
      checkRetailIds(aListing({ retailIds: [{ kind: 'EAN-13', value: '0036000291452' }] }), aProduct()).outcome,
    ).toBe('pass')
    expect(
      checkRetailIds(aListing({ retailIds: [{ kind: 'UPC-A', value: '036000291453' }] }), aProduct()),
    ).toMatchObject({
      outcome: 'fail',
      reason: expect.stringMatching(/invalid identifier: UPC-A 036000291453/),
    })
    expect(
      checkRetailIds(aListing({ retailIds: [{ kind: 'EAN-13', value: '4006381333931' }] }), aProduct()).outcome,
    ).toBe('fail')
    expect(
      checkRetailIds(aListing({ retailIds: [{ kind: 'EAN-13', value: '4006381333931' }] }), aProduct({ retailIds: [] }))
        .outcome,
    ).toBe('needs-review')
  })
})
