import { captureClockLeewayMs, ListingSnapshot, listingStatuses, type ListingStatus } from '../model/listing-snapshot'
import { marketplaces } from '../model/marketplace'
import { parseRetailIds } from '../rules/retail-id'
import { countOf } from '../text/plural'
import { listInWords } from '../text/list'
import { formulaMessage } from './validate-plan-rows'
import { columnTitle, mappedColumn, mappingProblems } from './column-mapping'
import { listingFieldLabels, listingFields, listingVocabulary, requiredListingFields } from './listing-columns'
import type { ListingField, ListingMapping } from './listing-columns'
import type { RowProblem } from './row-problem'
import { count, type FormulaCell, type Table } from './table'

/** At most this many listings in one file: 300 products × 5 ASINs × 6 marketplaces is 9,000. */
export const maxImportedListings = 10_000

/** One valid row of a listing file: the capture as the listings repository takes it, images still by file name. */
export type ImportedListing = {
  readonly row: number
  readonly capture: Omit<ListingSnapshot, 'id' | 'capturedAt' | 'capturedBy' | 'imageIds'> & {
    /** When the page was seen; absent when the file does not say, and the import's own time is taken. */
    readonly capturedAt?: string
  }
  /** The images the row names, as file names (matched without case against the files chosen). */
  readonly imageNames: readonly string[]
}

export type ListingRowsCheck = {
  readonly listings: ImportedListing[]
  readonly problems: RowProblem[]
  /** Image files chosen that no row names: not a problem, but likely a mistake worth showing. */
  readonly unusedImages: string[]
}

/** What the check needs besides the table: the image files chosen (null before any are), and the time now. */
export type ListingRowsContext = { readonly imageNames: readonly string[] | null; readonly now: Date }

const capture = ListingSnapshot.omit({ id: true, capturedAt: true, capturedBy: true, imageIds: true })

/** The words a page or an export uses for each status, compared as lower-case letters only. */
const statusWords: Readonly<Record<string, ListingStatus>> = {
  available: 'available',
  instock: 'available',
  active: 'available',
  live: 'available',
  verfügbar: 'available',
  unavailable: 'unavailable',
  currentlyunavailable: 'unavailable',
  outofstock: 'unavailable',
  inactive: 'unavailable',
  nichtverfügbar: 'unavailable',
  derzeitnichtverfügbar: 'unavailable',
  notvalid: 'not-valid',
  invalid: 'not-valid',
  ungültig: 'not-valid',
  notavailable: 'unavailable',
  temporarilyoutofstock: 'unavailable',
  nichtauflager: 'unavailable',
  suppressed: 'suppressed',
  searchsuppressed: 'suppressed',
  unterdrückt: 'suppressed',
}

const statusOf = (text: string): ListingStatus | undefined =>
  statusWords[
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}]+/gu, '')
  ]

const marketplaceNames = new Map<string, string>()
for (const m of marketplaces) {
  marketplaceNames.set(m.code.toLowerCase(), m.code)
  marketplaceNames.set(m.domain, m.code)
  marketplaceNames.set(`www.${m.domain}`, m.code)
  marketplaceNames.set(m.name.toLowerCase(), m.code)
}

// Other ways people write a marketplace: ISO's GB for Amazon's UK, common long forms and the local names.
const marketplaceAliases: Readonly<Record<string, string>> = {
  gb: 'UK',
  usa: 'US',
  'united states of america': 'US',
  'great britain': 'UK',
  turkey: 'TR',
  deutschland: 'DE',
  frankreich: 'FR',
  italien: 'IT',
  spanien: 'ES',
  niederlande: 'NL',
  'smile.amazon.com': 'US',
}
for (const [alias, code] of Object.entries(marketplaceAliases))
  if (!marketplaceNames.has(alias)) marketplaceNames.set(alias, code)

/** US, us, amazon.de, www.amazon.co.uk, Germany, GB: the marketplace's code, or undefined. */
export const marketplaceOf = (text: string): string | undefined =>
  marketplaceNames.get(
    text
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/\/.*$/, ''),
  )

const dateTime =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i

// Amazon's detail pages are younger than this; an earlier year is a typing or spreadsheet mistake.
const earliestYear = 1995
// A date without a time is the start of that day in UTC; east of UTC, today's date is reached up to 14 hours early.
const widestOffsetMs = 14 * 3_600_000

/**
 * A capture time as a file writes it: 2026-11-30, 2026-11-30 14:05, 2026-11-30T14:05:00Z or with an offset
 * (+01:00); an Excel date cell arrives as such text. Without a zone the time is UTC, which the preview says; a
 * date alone is the start of that day, or now for today's date. An instant as ISO text, or a message.
 */
export function captureTimeOf(text: string, now: Date): { ok: true; value: string } | { ok: false; message: string } {
  const match = dateTime.exec(text.trim())
  const hint = 'Write it as 2026-11-30, 2026-11-30 14:05 (UTC) or 2026-11-30T14:05+01:00.'
  if (match === null) return { ok: false, message: `“${text}” is not a date and time WWA Lab reads. ${hint}` }
  const [, y, mo, d, h, mi = '00', s = '00', ms = '0', zone = 'Z'] = match
  const offset = zone.toUpperCase() === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`
  if (offset !== 'Z' && (Number(offset.slice(1, 3)) > 14 || Number(offset.slice(4)) > 59))
    return { ok: false, message: `“${zone}” is not a time zone offset: offsets run from −14:00 to +14:00. ${hint}` }
  const iso = `${y}-${mo}-${d}T${h ?? '00'}:${mi}:${s}.${ms.padEnd(3, '0')}${offset}`
  const at = new Date(iso)
  // Date rolls 2026-02-30 over to March; a date that does not exist is refused instead.
  const local = new Date(`${y}-${mo}-${d}T${h ?? '00'}:${mi}:${s}.000Z`)
  const exists =
    local.getUTCFullYear() === Number(y) &&
    local.getUTCMonth() + 1 === Number(mo) &&
    local.getUTCDate() === Number(d) &&
    local.getUTCHours() === Number(h ?? '00') &&
    local.getUTCMinutes() === Number(mi)
  if (Number.isNaN(at.getTime()) || !exists)
    return { ok: false, message: `“${text}” is not a date that exists. ${hint}` }
  if (Number(y) < earliestYear)
    return { ok: false, message: `${y} is before Amazon had listing pages: check the year. ${hint}` }
  const dateOnly = h === undefined
  const latest = now.getTime() + (dateOnly ? widestOffsetMs : captureClockLeewayMs)
  if (at.getTime() > latest)
    return { ok: false, message: `${at.toISOString()} is in the future: a page can only have been seen before now.` }
  return { ok: true, value: new Date(Math.min(at.getTime(), now.getTime())).toISOString() }
}

/** Items of a list cell: one per line or separated by semicolons, blanks dropped. */
const items = (text: string) =>
  text
    .split(/[\n;]/)
    .map((item) => item.trim())
    .filter((item) => item !== '')

/**
 * Image names of a cell: separated by lines, semicolons or bars (a comma too, unless the cell holds only one
 * name with a comma in it); a path or address is reduced to its file name, a query dropped, the name in NFC (as
 * file systems differ in how they write "ü"), each name once.
 */
export const imageNamesIn = (text: string): string[] => {
  const parts = text.split(/[\n;|]/).flatMap((part) => (/\.\w{3,4}\s*,/.test(part) ? part.split(',') : [part]))
  const names = parts
    .map((item) =>
      item
        .trim()
        .replace(/[?#].*$/, '')
        .replace(/^.*[\\/]/, '')
        .normalize('NFC'),
    )
    .filter((item) => item !== '')
  const seen = new Set<string>()
  return names.filter((name) => {
    const key = name.toLowerCase()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

const fieldOfPath = (key: PropertyKey | undefined): ListingField | undefined =>
  listingFields.find((field) => field === key)

/**
 * Checks every row of a listing file: each a capture the listings repository would take (the same schema), with
 * the ASIN, marketplace and status every capture needs, a capture time that is readable and not in the future,
 * images that are among the files chosen, no formula in a column that is read, and no listing captured twice at
 * the same moment. A file is stored only when there are no problems.
 */
export function validateListingRows(
  table: Pick<Table, 'headerRow' | 'headers' | 'rows' | 'rowNumbers'> & { readonly formulas?: Table['formulas'] },
  mapping: ListingMapping,
  context: ListingRowsContext,
): ListingRowsCheck {
  const columnOf = (field: ListingField) => mappedColumn(table.headers, mapping, field)
  const column = (field: ListingField) => columnTitle(listingVocabulary, table.headers, mapping, field)
  const unmapped = mappingProblems(listingVocabulary, table, mapping, {
    fields: requiredListingFields,
    unmapped: (field) =>
      `No column is chosen for ${listingFieldLabels[field]}: every capture needs one. Choose the column that holds it.`,
  })
  if (unmapped.length > 0) return { listings: [], problems: unmapped, unusedImages: [] }

  const problems: RowProblem[] = []
  if (table.rows.length > maxImportedListings)
    problems.push({
      row: table.headerRow,
      column: column('asin'),
      message: `This file has ${count(table.rows.length)} listings; one import takes at most ${count(maxImportedListings)}. Split it.`,
    })
  const chosen = new Map((context.imageNames ?? []).map((name) => [name.normalize('NFC').toLowerCase(), name]))
  const named = new Set<string>()
  const formulaAt = new Map((table.formulas ?? []).map((cell: FormulaCell) => [`${cell.row}:${cell.column}`, cell]))
  for (const field of listingFields) {
    const at = columnOf(field)
    const cell = at === null ? undefined : formulaAt.get(`${table.headerRow}:${at}`)
    if (cell !== undefined)
      problems.push({ row: table.headerRow, column: column(field), message: formulaMessage(cell) })
  }
  const listings: ImportedListing[] = []
  const firstRowOf = new Map<string, number>()

  table.rows.forEach((cells, index) => {
    const row = table.rowNumbers[index] ?? table.headerRow + index + 1
    const cell = (field: ListingField) => {
      const at = columnOf(field)
      return at === null ? '' : (cells[at] ?? '')
    }
    const found = new Map<ListingField, string>()
    const say = (field: ListingField, message: string) => {
      if (!found.has(field)) found.set(field, message)
    }
    for (const field of listingFields) {
      const at = columnOf(field)
      const formula = at === null ? undefined : formulaAt.get(`${row}:${at}`)
      if (formula !== undefined) say(field, formulaMessage(formula))
    }

    const marketplaceText = cell('marketplace')
    const marketplace = marketplaceOf(marketplaceText)
    if (marketplaceText === '')
      say('marketplace', 'No marketplace: write its code (US, DE), domain (amazon.de) or name.')
    else if (marketplace === undefined)
      say(
        'marketplace',
        `“${marketplaceText}” is not a marketplace WWA Lab knows: write its code (US, DE), domain (amazon.de) or name.`,
      )
    const statusText = cell('status')
    const status = statusOf(statusText)
    if (status === undefined)
      say(
        'status',
        statusText === ''
          ? `No status: write what the page showed (${listingStatuses.join(', ')}).`
          : `“${statusText}” is not a status: write available, unavailable, not valid or suppressed.`,
      )
    let capturedAt: string | undefined
    // With a column for it, every row says when its page was seen: a blank would silently date old data now.
    if (columnOf('capturedAt') !== null) {
      const time =
        cell('capturedAt') === ''
          ? ({
              ok: false,
              message:
                'No capture time: write when the page was seen, or choose “Not in the file” for the column to date every capture now.',
            } as const)
          : captureTimeOf(cell('capturedAt'), context.now)
      if (time.ok) capturedAt = time.value
      else say('capturedAt', time.message)
    }
    const imageNames = imageNamesIn(cell('images'))
    const missing = imageNames.filter((name) => !chosen.has(name.toLowerCase()))
    if (missing.length > 0)
      say(
        'images',
        context.imageNames === null || context.imageNames.length === 0
          ? `Names ${listInWords(missing)}, but no image files are chosen: choose the images this file names.`
          : `${listInWords(missing)} ${missing.length === 1 ? 'is' : 'are'} not among the ${countOf(chosen.size, 'image')} chosen.`,
      )
    else if (imageNames.length > 50) say('images', `Names ${imageNames.length} images; a capture keeps at most 50.`)
    for (const name of imageNames) named.add(name.toLowerCase())

    const retailIds = parseRetailIds(items(cell('retailIds')))
    const damaged = retailIds.find((id) => !/^\d{12,14}$/.test(id.value))
    if (damaged !== undefined)
      say(
        'retailIds',
        /^\d+$/.test(damaged.value)
          ? `“${damaged.value}” has ${damaged.value.length} digits; a UPC has 12, an EAN 13 and a GTIN 14. A spreadsheet drops a number’s leading zeros: format the column as text and type it again.`
          : `“${damaged.value}” is not a retail identifier: write its digits (UPC-A 036000291452, EAN 4006381333931).`,
      )
    const parsed = capture.safeParse({
      asin: cell('asin'),
      marketplace: marketplace ?? 'US',
      status: status ?? 'available',
      brand: cell('brand'),
      modelNumber: cell('modelNumber'),
      title: cell('title'),
      deviceType: cell('deviceType'),
      hubAsin: cell('hubAsin').toUpperCase(),
      hubRequirement: cell('hubRequirement'),
      bundleContents: items(cell('bundleContents')),
      retailIds,
      url: cell('url'),
    })
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const field = fieldOfPath(issue.path[0])
        if (field !== undefined) say(field, cell(field) === '' && field === 'asin' ? 'No ASIN.' : issue.message)
      }

    // Only a time read, or no column for it, says when the capture was: a time refused above says nothing.
    if (parsed.success && marketplace !== undefined && !found.has('capturedAt')) {
      const key = `${parsed.data.asin}|${marketplace}|${capturedAt ?? ''}`
      const earlier = firstRowOf.get(key)
      if (earlier !== undefined)
        say(
          capturedAt === undefined ? 'capturedAt' : 'asin',
          `Row ${earlier} already captures ${parsed.data.asin} in ${marketplace} ${capturedAt === undefined ? 'with no capture time (both would be now)' : `at ${capturedAt}`}: give each capture its own time, or remove one.`,
        )
      else firstRowOf.set(key, row)
    }

    const ordered = listingFields.filter((field) => found.has(field))
    for (const field of ordered) problems.push({ row, column: column(field), message: found.get(field) ?? '' })
    if (ordered.length === 0 && parsed.success)
      listings.push({
        row,
        capture: capturedAt === undefined ? parsed.data : { ...parsed.data, capturedAt },
        imageNames,
      })
  })
  const unusedImages = [...chosen.entries()].filter(([key]) => !named.has(key)).map(([, name]) => name)
  return { listings, problems, unusedImages }
}
