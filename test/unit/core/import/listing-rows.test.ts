import { describe, expect, it } from 'vitest'
import { utils, write } from 'xlsx'
import { guessListingMapping, listingFields } from '../../../../core/import/listing-columns'
import { readListingBytes } from '../../../../core/import/read-listing-file'
import {
  captureTimeOf,
  imageNamesIn,
  marketplaceOf,
  validateListingRows,
} from '../../../../core/import/validate-listing-rows'
import type { Table } from '../../../../core/import/table'

const now = new Date('2026-12-01T12:00:00Z')
const csv = (text: string) => ({ name: 'listings.csv', bytes: new TextEncoder().encode(text) })

const header = 'ASIN,Marketplace,Status,Captured at,Brand,Model number,Device type,Hub ASIN,In the box,UPC,Images,URL'
const good = [
  'B0ABCDEF12,US,Available,2026-11-30 14:05,Acme,SP-100,Smart Plug,B0HUB00001,Plug; Quick start guide,036000291452,front.jpg; back.jpg,https://www.amazon.com/dp/B0ABCDEF12',
  'B0ABCDEF12,amazon.de,Suppressed,2026-11-30T15:00+01:00,Acme,SP100,Steckdose,,,,,',
]

async function read(text: string) {
  const outcome = await readListingBytes(csv(text), undefined, now)
  if (!outcome.ok) throw new Error(outcome.message)
  return outcome
}

const check = (table: Table, imageNames: string[] | null) =>
  validateListingRows(table, guessListingMapping(table.headers), { imageNames, now })

describe('a listing file', () => {
  it('maps its columns from the headers and reads each row as a capture', async () => {
    const read1 = await read([header, ...good].join('\n'))
    expect(
      Object.entries(read1.guessed)
        .filter(([, at]) => at === null)
        .map(([f]) => f),
    ).toEqual(['title', 'hubRequirement'])
    const { listings, problems, unusedImages } = check(read1.table, ['front.JPG', 'back.jpg', 'side.jpg'])
    expect(problems).toEqual([])
    expect(unusedImages).toEqual(['side.jpg'])
    expect(listings).toEqual([
      {
        row: 2,
        imageNames: ['front.jpg', 'back.jpg'],
        capture: expect.objectContaining({
          asin: 'B0ABCDEF12',
          marketplace: 'US',
          status: 'available',
          capturedAt: '2026-11-30T14:05:00.000Z',
          brand: 'Acme',
          hubAsin: 'B0HUB00001',
          bundleContents: ['Plug', 'Quick start guide'],
          retailIds: [{ kind: 'UPC-A', value: '036000291452' }],
          url: 'https://www.amazon.com/dp/B0ABCDEF12',
        }),
      },
      {
        row: 3,
        imageNames: [],
        capture: expect.objectContaining({
          marketplace: 'DE',
          status: 'suppressed',
          capturedAt: '2026-11-30T14:00:00.000Z',
          bundleContents: [],
        }),
      },
    ])
  })

  it('reports every bad row by row and column, and keeps none of them', async () => {
    const read1 = await read(
      [
        header,
        'B0ABCDEF1,US,Available,2026-11-29,Acme,SP-100,,,,,,',
        'B0ABCDEF13,Atlantis,Gone,2027-01-01,Acme,SP-100,,B0HUB,,,front.jpg,',
        'B0ABCDEF14,UK,not valid,11/30/2026,Acme,SP-100,,,,36000291452,,',
        'B0ABCDEF15,US,available,2026-11-29 10:00,Acme,,,,,,,',
        'B0ABCDEF15,us,available,2026-11-29T11:00+01:00,Acme,,,,,,,',
        'B0ABCDEF16,US,available,,Acme,,,,,,,',
        'B0ABCDEF17,US,available,0994-01-01,Acme,,,,,,,',
        'B0ABCDEF17,US,available,2026-11-29T10:00+15:00,Acme,,,,,,,',
      ].join('\n'),
    )
    const { listings, problems } = check(read1.table, [])
    expect(listings.map((l) => l.row)).toEqual([5])
    expect(problems).toEqual([
      { row: 2, column: 'ASIN', message: 'An ASIN has 10 characters; this one has 9.' },
      { row: 3, column: 'Marketplace', message: expect.stringMatching(/^“Atlantis” is not a marketplace/) },
      { row: 3, column: 'Status', message: expect.stringMatching(/^“Gone” is not a status/) },
      { row: 3, column: 'Captured at', message: expect.stringMatching(/is in the future/) },
      { row: 3, column: 'Hub ASIN', message: expect.stringMatching(/ASIN has 10 characters/) },
      { row: 3, column: 'Images', message: expect.stringMatching(/front\.jpg, but no image files are chosen/) },
      { row: 4, column: 'Captured at', message: expect.stringMatching(/“11\/30\/2026” is not a date and time/) },
      { row: 4, column: 'UPC', message: expect.stringMatching(/^“36000291452” has 11 digits; .*leading zeros/) },
      {
        row: 6,
        column: 'ASIN',
        message: expect.stringMatching(/^Row 5 already captures B0ABCDEF15 in US at 2026-11-29T10:00:00\.000Z/),
      },
      {
        row: 7,
        column: 'Captured at',
        message: expect.stringMatching(/^No capture time: write when the page was seen/),
      },
      { row: 8, column: 'Captured at', message: expect.stringMatching(/^0994 is before Amazon had listing pages/) },
      // The row before had no time it could read, so this one is not its duplicate; its offset is not one.
      { row: 9, column: 'Captured at', message: expect.stringMatching(/^“\+15:00” is not a time zone offset/) },
    ])
  })

  it('says which column is missing when the file has no Marketplace or Status column', async () => {
    const read1 = await read(['ASIN,Brand', 'B0ABCDEF12,Acme'].join('\n'))
    const { listings, problems } = check(read1.table, null)
    expect(listings).toEqual([])
    expect(problems.map((p) => [p.column, p.message])).toEqual([
      ['Marketplace', expect.stringMatching(/^No column is chosen for Marketplace: every capture needs one/)],
      ['Status', expect.stringMatching(/^No column is chosen for Status/)],
    ])
  })

  it('names an image that is not among those chosen', async () => {
    const read1 = await read([header, good[0]].join('\n'))
    expect(check(read1.table, ['front.jpg', 'other.png']).problems).toEqual([
      { row: 2, column: 'Images', message: 'back.jpg is not among the 2 images chosen.' },
    ])
  })

  it('is refused in its own words: a JSON file, a file with only a header', async () => {
    const json = await readListingBytes({ name: 'l.json', bytes: new TextEncoder().encode('[{"asin": 1}]') })
    expect(json).toMatchObject({
      ok: false,
      message: 'l.json is a JSON file; a listing file is read from xlsx or CSV. Nothing was imported.',
    })
    const empty = await readListingBytes(csv(header))
    expect(empty).toMatchObject({
      ok: false,
      message: 'listings.csv has a header row but no listings below it. Nothing was imported.',
    })
  })

  it('is read from the sheet whose header names listing fields, past a cover sheet', async () => {
    const book = utils.book_new()
    utils.book_append_sheet(
      book,
      utils.aoa_to_sheet([['Listings captured for Acme'], ['Prepared by the lab']]),
      'Cover',
    )
    utils.book_append_sheet(book, utils.aoa_to_sheet([header.split(','), good[0]!.split(',')]), 'Pages')
    const bytes = new Uint8Array(write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer)
    const outcome = await readListingBytes({ name: 'l.xlsx', bytes }, undefined, now)
    if (!outcome.ok) throw new Error(outcome.message)
    expect(outcome.table.sheetName).toBe('Pages')
    expect(outcome.table.sheetBasis).toBe('best-header')
    expect(outcome.guessed.asin).toBe(0)
  })

  it('reads an Excel date cell as the day it is, whatever its format, and a long number with all its digits', async () => {
    const sheet = utils.aoa_to_sheet(
      [
        ['ASIN', 'Marketplace', 'Status', 'Captured at', 'EAN'],
        ['B0ABCDEF12', 'DE', 'Available', new Date(Date.UTC(2026, 10, 30, 14, 5)), 4006381333931],
      ],
      { cellDates: false },
    )
    const book = utils.book_new()
    utils.book_append_sheet(book, sheet, 'Pages')
    const bytes = new Uint8Array(write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer)
    const outcome = await readListingBytes({ name: 'l.xlsx', bytes }, undefined, now)
    if (!outcome.ok) throw new Error(outcome.message)
    // Excel shows them as 11/30/26 and 4.00638E+12.
    expect(outcome.table.rows[0]?.slice(3)).toEqual(['2026-11-30 14:05', '4006381333931'])
    expect(outcome.check.listings[0]?.capture).toMatchObject({
      capturedAt: '2026-11-30T14:05:00.000Z',
      retailIds: [{ kind: 'EAN-13', value: '4006381333931' }],
    })
  })

  it('reads marketplaces and capture times as people write them', () => {
    expect(
      ['US', 'de', 'amazon.co.uk', 'www.amazon.de', 'https://www.amazon.fr/dp/x', 'uk', 'Germany'].map(marketplaceOf),
    ).toEqual(['US', 'DE', 'UK', 'DE', 'FR', 'UK', 'DE'])
    expect(['GB', 'USA', 'Deutschland', 'Turkey'].map(marketplaceOf)).toEqual(['UK', 'US', 'DE', 'TR'])
    expect(marketplaceOf('Narnia')).toBeUndefined()
    expect(captureTimeOf('2026-11-30', now)).toEqual({ ok: true, value: '2026-11-30T00:00:00.000Z' })
    expect(captureTimeOf('2026-11-30T10:00:00.5-05:00', now)).toEqual({ ok: true, value: '2026-11-30T15:00:00.500Z' })
    // Today's date, east of UTC, before midnight UTC: the page was seen today, so now.
    expect(captureTimeOf('2026-12-02', now)).toEqual({ ok: true, value: '2026-12-01T12:00:00.000Z' })
    expect(captureTimeOf('2026-12-01T12:00:30Z', now)).toEqual({ ok: true, value: '2026-12-01T12:00:00.000Z' })
    expect(captureTimeOf('2026-12-01T12:02:00Z', now)).toMatchObject({ ok: false })
    expect(
      imageNamesIn('C:\\Photos\\Front.jpg; front.JPG, https://x.example/back.jpg?w=300 | K\u0075\u0308che.jpg'),
    ).toEqual(['Front.jpg', 'back.jpg', 'K\u00fcche.jpg'])
    expect(imageNamesIn('photo, front.jpg')).toEqual(['photo, front.jpg'])
    expect(captureTimeOf('2026-02-30', now)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not a date that exists/),
    })
    expect(listingFields).toHaveLength(14)
  })
})
