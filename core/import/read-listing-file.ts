import { planImportLimits, type PlanImportLimits } from './limits'
import { guessListingMapping, listingTableKind, type ListingMapping } from './listing-columns'
import { readImportBytes, type ImportFile, type ImportFileRead, type ImportReadOutcome } from './read-import-file'
import { maxImportedListings, validateListingRows, type ListingRowsCheck } from './validate-listing-rows'

/** A listing file's limits: a plan file's, but up to maxImportedListings rows. */
export const listingImportLimits: PlanImportLimits = { ...planImportLimits, maxRows: maxImportedListings }

/** A listing file read as a table, its columns guessed and every row checked (before any images are chosen). */
export type ListingFileRead = ImportFileRead<ListingMapping, ListingRowsCheck>

export type ReadListingOutcome = ImportReadOutcome<ListingFileRead>

/** Reads a listing file (xlsx or CSV) to a table, guesses its columns and checks every row. */
export const readListingBytes = (
  file: ImportFile,
  limits: PlanImportLimits = listingImportLimits,
  now: Date = new Date(),
): Promise<ReadListingOutcome> =>
  readImportBytes(file, limits, listingTableKind, (table) => {
    const guessed = guessListingMapping(table.headers)
    return { guessed, check: validateListingRows(table, guessed, { imageNames: null, now }) }
  })
