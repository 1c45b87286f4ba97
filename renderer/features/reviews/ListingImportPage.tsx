import { useCallback, useMemo, useState } from 'react'
import { listingImportLimits, type ListingFileRead } from '../../../core/import/read-listing-file'
import { extensionsFor } from '../../../core/model/file-types'
import { href } from '../../app/route'
import { useRepos } from '../../app/services-context'
import { FileDrop, type FileDropWords } from '../../widgets/import/FileDrop'
import { useImportFileReading } from '../../widgets/import/use-import-file-reading'
import type { ChosenImage } from './ImportImages'
import { ListingImportReview } from './ListingImportReview'
import { useListingFileReader } from './listing-reader-context'
import './reviews.css'

const dropWords: FileDropWords = {
  label: 'Listing file',
  choose: 'Choose listing file…',
  formats: 'an xlsx or CSV file',
  rows: 'listings',
}

const dialog = {
  title: 'Import listings',
  filter: { name: 'Listing files (xlsx, CSV)', extensions: extensionsFor('listings') },
}

/**
 * "#/reviews/import": listing snapshots in bulk from an xlsx or CSV file, one capture per row, through the same
 * pipeline as plans: read in a worker, sheet chosen, columns mapped, every row checked, images matched by file
 * name from the files chosen, then all captures stored at once or none.
 */
export function ListingImportPage() {
  const repos = useRepos()
  const readFile = useListingFileReader()
  const limits = useCallback(
    async () => ({
      ...listingImportLimits,
      maxColumns: await repos.settings.maxPlanColumns().catch(() => listingImportLimits.maxColumns),
    }),
    [repos],
  )
  const options = useMemo(
    () => ({
      readFile,
      limits,
      maxBytes: listingImportLimits.maxBytes,
      dialog,
      noun: 'listing file',
      fileNoun: 'listing file',
    }),
    [readFile, limits],
  )
  const reading = useImportFileReading<ListingFileRead>(options)
  const { state } = reading
  // Kept here, not in the review: another sheet or encoding of the same file still names the same images.
  const [images, setImages] = useState<readonly ChosenImage[]>([])
  return (
    <section aria-labelledby="listing-import-title" className="editor listing-import">
      <p>
        <a href={href('reviews')}>← Badge readiness</a>
      </p>
      <h1 id="listing-import-title">Import listings</h1>
      <p className="muted">
        A header row, then one row per page seen: ASIN, marketplace (code, domain or name) and status are needed;
        capture time, brand, model number, title, device type, hub ASIN, hub requirement, what is in the box, retail
        identifiers, images (file names) and the page’s address are read where the file has them. Every row becomes a
        new snapshot beside the ones before. Nothing is stored until every row is valid, and then all at once.
      </p>
      <FileDrop reading={reading} words={dropWords} limits={listingImportLimits} />
      {state.kind === 'read' ? (
        <ListingImportReview
          key={`${state.name}:${state.read.sha256}:${state.read.table.encoding?.encoding ?? ''}:${state.read.table.sheetName ?? ''}`}
          fileName={state.name}
          read={state.read}
          onEncoding={(encoding, choices) => void reading.reread(encoding, choices)}
          onSheet={(sheet) => void reading.rereadSheet(sheet, state.read.table.sheets)}
          images={images}
          onImages={setImages}
        />
      ) : null}
    </section>
  )
}
