import { guessColumns, headerScorer, type ColumnVocabulary, type Mapping } from './column-mapping'
import type { TableKind } from './table-kind'

/** The columns a listing file may have, one row per capture of an ASIN's page in a marketplace. */
export const listingFields = [
  'asin',
  'marketplace',
  'status',
  'capturedAt',
  'brand',
  'modelNumber',
  'title',
  'deviceType',
  'hubAsin',
  'hubRequirement',
  'bundleContents',
  'retailIds',
  'images',
  'url',
] as const
export type ListingField = (typeof listingFields)[number]
export type ListingMapping = Mapping<ListingField>

/** As the capture form labels them. */
export const listingFieldLabels: Readonly<Record<ListingField, string>> = {
  asin: 'ASIN',
  marketplace: 'Marketplace',
  status: 'Status',
  capturedAt: 'Captured at',
  brand: 'Brand',
  modelNumber: 'Model number',
  title: 'Title',
  deviceType: 'Device type',
  hubAsin: 'Hub ASIN',
  hubRequirement: 'Hub requirement',
  bundleContents: 'In the box',
  retailIds: 'Retail identifiers',
  images: 'Images',
  url: 'Page address',
}

/** Fields without which a row is not a capture: each must have a column. */
export const requiredListingFields = ['asin', 'marketplace', 'status'] as const satisfies readonly ListingField[]

// Headers as headerKey() has them (lower case, letters and digits only), in order of preference; English, then
// German, as exports from Keepa, Helium 10 or a lab's own sheet spell them.
const synonyms: ColumnVocabulary<ListingField>['synonyms'] = {
  asin: ['asin', 'amazonasin', 'listingasin', 'productasin', 'childasin'],
  marketplace: [
    'marketplace',
    'market',
    'store',
    'site',
    'domain',
    'amazonsite',
    'country',
    'locale',
    'marktplatz',
    'land',
  ],
  status: ['status', 'listingstatus', 'availability', 'pagestatus', 'verfügbarkeit', 'verfuegbarkeit'],
  // Not "captured" alone: as a prefix it would take a "Captured by" column for the time.
  capturedAt: [
    'capturedat',
    'capturedon',
    'capturedate',
    'capturetime',
    'date',
    'datetime',
    'timestamp',
    'checkedat',
    'checkedon',
    'seenat',
    'seenon',
    'erfasstam',
    'datum',
    'zeitpunkt',
  ],
  brand: ['brand', 'brandname', 'manufacturer', 'marke', 'hersteller'],
  modelNumber: ['modelnumber', 'model', 'modelno', 'itemmodelnumber', 'modell', 'modellnummer', 'typ'],
  title: ['title', 'producttitle', 'itemname', 'productname', 'name', 'titel', 'produktname'],
  deviceType: ['devicetype', 'type', 'producttype', 'category', 'gerätetyp', 'geraetetyp', 'kategorie'],
  hubAsin: ['hubasin', 'hub', 'requiredhubasin', 'hubasinonpage'],
  hubRequirement: ['hubrequirement', 'hubrequired', 'requires', 'requirement', 'requirements', 'voraussetzung'],
  bundleContents: [
    'inthebox',
    'bundlecontents',
    'bundle',
    'boxcontents',
    'whatsinthebox',
    'contents',
    'includedcomponents',
    'lieferumfang',
  ],
  retailIds: ['retailidentifiers', 'retailids', 'upc', 'ean', 'gtin', 'barcode', 'upcean', 'eanupc'],
  images: ['images', 'image', 'imagefiles', 'imagefile', 'photos', 'photo', 'pictures', 'picture', 'bilder', 'bild'],
  url: ['pageaddress', 'url', 'link', 'pageurl', 'producturl', 'detailpage', 'detailpageurl', 'adresse'],
}

export const listingVocabulary: ColumnVocabulary<ListingField> = {
  fields: listingFields,
  labels: listingFieldLabels,
  synonyms,
  keyFields: ['asin', 'marketplace'],
}

export const guessListingMapping = (headers: readonly string[]): ListingMapping =>
  guessColumns(listingVocabulary, headers)

/** A listing file as the shared reader speaks of it: xlsx or CSV, one row per listing. */
export const listingTableKind: TableKind = {
  noun: 'listing file',
  fileNoun: 'listing file',
  workbookNoun: 'listing workbook',
  formats: 'xlsx or CSV',
  what: 'listing file',
  row: 'listing',
  rows: 'listings',
  headerScore: headerScorer(listingVocabulary),
}
