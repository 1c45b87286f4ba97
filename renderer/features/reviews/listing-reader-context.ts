import { createContext, useContext } from 'react'
import { listingImportLimits, type ReadListingOutcome } from '../../../core/import/read-listing-file'
import { createWorkerFileReader, type ReadImportFile } from '../../widgets/import/file-import-client'

export type ReadListingFile = ReadImportFile<ReadListingOutcome>

const readListingFileInWorker: ReadListingFile = createWorkerFileReader('listings', {
  limits: listingImportLimits,
  fileNoun: 'listing file',
})

/** How the listing import reads files: the Web Worker in the app, a stand-in in UI tests (happy-dom has no workers). */
export const ListingFileReaderContext = createContext<ReadListingFile>(readListingFileInWorker)

export const useListingFileReader = (): ReadListingFile => useContext(ListingFileReaderContext)
