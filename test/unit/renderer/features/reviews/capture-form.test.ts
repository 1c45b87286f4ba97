import { describe, expect, it } from 'vitest'
import {
  captureFrom,
  captureOf,
  emptyCapture,
  formFieldOf,
} from '../../../../../renderer/features/reviews/capture-form'
import { parseRetailIds } from '../../../../../core/rules/retail-id'
import { aListing } from '../../../../helpers/listing-snapshots'

const listing = { productId: 'p-1', marketplace: 'US', asin: 'B0ABCDEF12' }

describe('the capture form', () => {
  it('reads retail identifiers as pages show them, named or by their length', () => {
    expect(
      parseRetailIds([
        'UPC-A 036000291452',
        'EAN: 4006381333931',
        '00012345600012',
        'upc 0360-0029-1452',
        'JAN 4901234567894',
      ]),
    ).toEqual([
      { kind: 'UPC-A', value: '036000291452' },
      { kind: 'EAN-13', value: '4006381333931' },
      { kind: 'GTIN-14', value: '00012345600012' },
      { kind: 'UPC-A', value: '036000291452' },
      { kind: 'JAN', value: '4901234567894' },
    ])
  })

  it('stores lists one item per line, blank lines dropped, and the hub ASIN in capitals', () => {
    const capture = captureOf(listing, {
      ...emptyCapture,
      bundle: 'Plug\n\n  Quick start guide  \r\nHub',
      hubAsin: ' b0hubhub01 ',
    })
    expect(capture).toMatchObject({
      asin: 'B0ABCDEF12',
      marketplace: 'US',
      bundleContents: ['Plug', 'Quick start guide', 'Hub'],
      hubAsin: 'B0HUBHUB01',
      retailIds: [],
    })
  })

  it('starts from the newest capture, images included, and round-trips it', () => {
    const earlier = aListing({
      bundleContents: ['Plug', 'Manual'],
      retailIds: [{ kind: 'UPC-A', value: '036000291452' }],
      imageIds: ['f-1'],
    })
    const again = captureOf(listing, captureFrom(earlier))
    const { id: _id, capturedAt: _at, capturedBy: _by, ...fields } = earlier
    expect(again).toEqual(fields)
  })

  it('names the form field a refusal is about', () => {
    expect(formFieldOf('bundleContents.2')).toBe('bundle')
    expect(formFieldOf('retailIds.0.value')).toBe('retailIds')
    expect(formFieldOf('hubAsin')).toBe('hubAsin')
    expect(formFieldOf('asin')).toBeUndefined()
    expect(formFieldOf(undefined)).toBeUndefined()
  })
})
