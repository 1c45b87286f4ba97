import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo, useState } from 'react'
import type { TextEncoding } from '../../../core/import/decode-text'
import { listingVocabulary, type ListingMapping } from '../../../core/import/listing-columns'
import { nothingImported } from '../../../core/import/messages'
import type { ListingFileRead } from '../../../core/import/read-listing-file'
import { validateListingRows } from '../../../core/import/validate-listing-rows'
import { describeProblem } from '../../../core/outcome'
import { countOf } from '../../../core/text/plural'
import { messageOf } from '../../../core/text/message-of'
import { listInWords } from '../../../core/text/list'
import { href } from '../../app/route'
import { useRepos } from '../../app/services-context'
import { FileSummary } from '../../widgets/import/FileSummary'
import { ImportButton } from '../../widgets/import/ImportButton'
import { ImportProblems } from '../../widgets/import/ImportProblems'
import { MappedPreview, MappingControls } from '../../widgets/import/MappingControls'
import type { SheetWords } from '../../widgets/import/SheetPicker'
import { ImportImages, type ChosenImage } from './ImportImages'

type Props = {
  readonly fileName: string
  readonly read: ListingFileRead
  readonly onEncoding: (encoding: TextEncoding, choices: readonly TextEncoding[]) => void
  readonly onSheet: (sheet: string) => void
  /** The images chosen, kept by the page: reading the file again in another encoding or sheet keeps them. */
  readonly images: readonly ChosenImage[]
  readonly onImages: (change: (before: readonly ChosenImage[]) => readonly ChosenImage[]) => void
}

const sheetWords: SheetWords = { Rows: 'Listings', fields: 'listing fields', keys: 'an ASIN and a marketplace' }

const fieldHints: Partial<Record<keyof ListingMapping, string>> = {
  capturedAt: 'With no column, every capture is dated now, when it is imported.',
  images: 'With no column, the captures have no images.',
}

/** Chosen image names that are not unique, each with the ids it stands for: a row naming one is ambiguous. */
const ambiguousNames = (images: readonly ChosenImage[]) => {
  const ids = new Map<string, Set<string>>()
  for (const image of images) {
    const key = image.name.normalize('NFC').toLowerCase()
    ids.set(key, (ids.get(key) ?? new Set()).add(image.id))
  }
  return new Set([...ids].filter(([, set]) => set.size > 1).map(([name]) => name))
}

/** A listing file as it will be imported: the columns, the images chosen, a preview, every problem, and Import. */
export function ListingImportReview({ fileName, read, onEncoding, onSheet, images, onImages: setImages }: Props) {
  const repos = useRepos()
  const { table } = read
  const [mapping, setMapping] = useState<ListingMapping>(read.guessed)
  const [importing, setImporting] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const [stored, setStored] = useState<number | null>(null)
  // The time "in the future" is judged against, fixed while the page is open so the report does not change by itself.
  const [now] = useState(() => new Date())
  const ambiguous = useMemo(() => ambiguousNames(images), [images])
  const check = useMemo(
    () =>
      validateListingRows(table, mapping, {
        imageNames: images.filter((i) => !ambiguous.has(i.name.normalize('NFC').toLowerCase())).map((i) => i.name),
        now,
      }),
    [table, mapping, images, ambiguous, now],
  )
  const listed = useLiveQuery(async () => {
    const keys = new Set<string>()
    for (const product of await repos.products.list())
      for (const { asin, marketplace } of product.asins) keys.add(`${asin}|${marketplace}`)
    return keys
  }, [repos])
  const unlisted = useMemo(() => {
    if (listed === undefined) return []
    const keys = new Set(check.listings.map((l) => `${l.capture.asin}|${l.capture.marketplace}`))
    return [...keys].filter((key) => !listed.has(key)).map((key) => key.replace('|', ' in '))
  }, [check, listed])
  const count = countOf(check.listings.length, 'listing')
  const blocked =
    check.problems.length > 0
      ? 'Import is possible once the report above is empty.'
      : check.listings.length === 0
        ? 'The file has no listings to import.'
        : null

  const commit = async () => {
    setImporting(true)
    setFailure(null)
    const idOf = new Map(images.map((image) => [image.name.normalize('NFC').toLowerCase(), image.id]))
    try {
      const outcome = await repos.listings.captureAll(
        check.listings.map((listing) => ({
          ...listing.capture,
          imageIds: listing.imageNames.map((name) => idOf.get(name.toLowerCase()) ?? name),
        })),
      )
      if (outcome.ok) setStored(outcome.value.length)
      else setFailure(`${fileName} was not imported: ${describeProblem(outcome.problem)} ${nothingImported}`)
    } catch (error) {
      setFailure(`${fileName} was not imported: ${messageOf(error)} ${nothingImported}`)
    } finally {
      setImporting(false)
    }
  }

  return (
    <>
      <section aria-labelledby="import-file-title">
        <h2 id="import-file-title">{fileName}</h2>
        <FileSummary
          fileName={fileName}
          table={table}
          sheetWords={sheetWords}
          disabled={importing || stored !== null}
          onEncoding={onEncoding}
          onSheet={onSheet}
        />
        <MappingControls
          vocabulary={listingVocabulary}
          headers={table.headers}
          mapping={mapping}
          hints={fieldHints}
          onChange={setMapping}
        />
        <p className="muted">
          A capture time without a zone (2026-11-30 14:05) is read as UTC; write an offset (2026-11-30T14:05+01:00) for
          local time.
        </p>
        <ImportImages
          images={images}
          disabled={importing || stored !== null}
          onAdd={(added) =>
            setImages((before) => [
              ...before,
              // The same file chosen again is one image.
              ...added.filter((a) => !before.some((b) => b.id === a.id && b.name === a.name)),
            ])
          }
          onRemove={(gone) =>
            setImages((before) => before.filter((image) => image.id !== gone.id || image.name !== gone.name))
          }
        />
        {ambiguous.size > 0 ? (
          <p className="field-error" role="alert">
            Two or more different images chosen are named {listInWords([...ambiguous])}: remove all but one, so each
            name means one image.
          </p>
        ) : null}
        {check.unusedImages.length > 0 ? (
          <p className="notice">
            No row names {listInWords(check.unusedImages.slice(0, 10))}
            {check.unusedImages.length > 10 ? ` or ${check.unusedImages.length - 10} more` : ''}: they are not part of
            any capture.
          </p>
        ) : null}
        <MappedPreview vocabulary={listingVocabulary} table={table} mapping={mapping} onlyMapped />
      </section>
      <ImportProblems problems={check.problems} fileName={fileName} what="listing file" />
      {unlisted.length > 0 && check.problems.length === 0 ? (
        <p className="notice">
          No product lists {listInWords(unlisted.slice(0, 5))}
          {unlisted.length > 5 ? ` or ${unlisted.length - 5} more` : ''}: {unlisted.length === 1 ? 'its' : 'their'}{' '}
          snapshots are stored, and are reviewed once a product lists the ASIN in that marketplace.
        </p>
      ) : null}
      <ImportButton
        what={count}
        importing={importing}
        blocked={blocked}
        done={stored === null ? null : `Imported ${countOf(stored, 'listing')}`}
        onImport={() => void commit()}
      />
      {stored !== null ? (
        <p className="status-good" role="status">
          Stored {countOf(stored, 'listing snapshot')} from {fileName}.{' '}
          <a href={href('reviews')}>See badge readiness</a>
        </p>
      ) : null}
      {failure ? (
        <p className="field-error" role="alert">
          {failure}
        </p>
      ) : null}
    </>
  )
}
