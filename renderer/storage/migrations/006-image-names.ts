import type { Transaction } from 'dexie'
import type { Migration } from './migration'

// Frozen with the release: the rows as version 5 wrote them, and the name the readiness view showed for an image
// whose file it could not find (core/rules/comparison/readiness-rows.ts), spelled out here.
type ImageHashRowV5 = { readonly fileId: string } & Record<string, unknown>
type StoredFileRowV5 = { readonly id: string; readonly name: string }
const nameOfMissingFile = 'Image'

/** How many files are read at once: each row holds its Blob, so a big lab's photos are never all held together. */
const filesPerBatch = 500

/**
 * Version 6: each image's perceptual hashes carry its file's name, so the
 * readiness view learns every image's name and hashes from the one small
 * imageHashes store (one getAll for a whole lab) and never reads the files
 * store, whose rows hold the images. A file is stored once by its content and
 * never renamed, so the copy cannot drift. No store or index changes (Dexie
 * builds version 6's schema from the versions before it); a hash row whose file
 * is gone is kept, named as the readiness view named it.
 */
export const imageNames: Migration = {
  version: 6,
  stores: {},
  upgrade: nameImageHashes,
}

async function nameImageHashes(tx: Transaction): Promise<void> {
  const hashes = tx.table('imageHashes')
  const files = tx.table('files')
  const ids = (await hashes.toCollection().primaryKeys()) as string[]
  for (let start = 0; start < ids.length; start += filesPerBatch) {
    const batch = ids.slice(start, start + filesPerBatch)
    const rows = (await hashes.bulkGet(batch)) as (ImageHashRowV5 | undefined)[]
    const fileRows = (await files.bulkGet(batch)) as (StoredFileRowV5 | undefined)[]
    await hashes.bulkPut(
      rows.flatMap((row, index) => (row ? [{ ...row, name: fileRows[index]?.name ?? nameOfMissingFile }] : [])),
    )
  }
}
