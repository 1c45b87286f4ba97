import { formatBytes } from '../../../../core/format-bytes'
import type { ImageFacts } from '../../../../core/rules/comparison/readiness-rows'
import { ok, refused, type Outcome } from '../../../../core/outcome'
import { attempt } from '../../storage-problems'
import { maxEvidenceBytes } from '../../../../core/model/result'
import { maxPhotoBytes, type StoredFileMeta } from '../../../../core/model/stored-file'
import { checkPhotoHeader } from '../../../../core/rules/image-header'
import { sniffImageType } from '../../../../core/rules/image-type'
import type { ImageProbe } from '../../../media/image-probe'
import { digestSha256Hex } from '../../../../core/crypto/digest'
import type { ImageHashRow, LabDb, ThumbnailRow } from '../../lab-db'
import { isPhotoName, mimeTypeOf } from '../../../../core/model/file-types'

export type IncomingFile = { readonly name: string; readonly bytes: Uint8Array }
/** The stored file's facts, or why it was refused (too large, not an image, a full disk). */
export type StoreOutcome = Outcome<StoredFileMeta>

export type FilesRepo = {
  /**
   * Stores a photo with its SHA-256, type, size and pixel size, plus a thumbnail.
   * A file that is too large or is not an image is refused with a message and nothing is stored;
   * the same bytes stored twice are kept once.
   */
  storePhoto(incoming: IncomingFile): Promise<StoreOutcome>
  /** Stores a session's evidence: a photo as storePhoto does, any other file (a log, a capture) as it is, typed by its name. */
  storeEvidence(incoming: IncomingFile): Promise<StoreOutcome>
  /** The stored facts of these files, in the order asked, skipping any that are gone. */
  metas(ids: readonly string[]): Promise<StoredFileMeta[]>
  thumbnail(fileId: string): Promise<ThumbnailRow | undefined>
  original(fileId: string): Promise<Blob | undefined>
  /**
   * The name and perceptual hashes of these images, by file id in the order asked, each once; an image not hashed
   * (stored before hashing existed, or undecodable) has null hashes, a file that is gone is left out. Hashed images
   * are read from the image hashes alone, never from the files with their Blobs.
   */
  imageFacts(ids: readonly string[]): Promise<Map<string, ImageFacts>>
  /**
   * Hashes the images among these that have no hashes yet (stored before hashing
   * existed), decoding each once; an image that cannot be decoded is left without.
   * Resolves with how many were hashed.
   */
  hashImages(ids: readonly string[]): Promise<number>
}

export function createFilesRepo(
  db: LabDb,
  deps: { readonly probeImage: ImageProbe; readonly now?: () => Date; readonly newId?: () => string },
): FilesRepo {
  const now = deps.now ?? (() => new Date())
  const newId = deps.newId ?? (() => crypto.randomUUID())
  /** Images being hashed now (hashImages), so two callers never decode one twice. */
  const hashing = new Set<string>()

  /** Refuses a file over `limit`, naming it; undefined when it fits. */
  const tooLarge = (incoming: IncomingFile, limit: number, what: string): StoreOutcome | undefined =>
    incoming.bytes.byteLength > limit
      ? refused(
          'invalid',
          `${incoming.name} is ${formatBytes(incoming.bytes.byteLength)}; ${what} can be at most ${formatBytes(limit)}.`,
        )
      : undefined

  /** Stores bytes with their hash and facts, once per content; `describe` adds the type, pixel size and thumbnail. */
  const store = async (
    incoming: IncomingFile,
    mime: string,
    describe: (blob: Blob) => Promise<
      | {
          width: number | null
          height: number | null
          thumbnail: ThumbnailRow['blob'] | null
          thumbnailWidth: number
          thumbnailHeight: number
          hashes?: { readonly dHash: string; readonly pHash: string } | undefined
        }
      | string
    >,
  ): Promise<StoreOutcome> => {
    const bytes = new Uint8Array(incoming.bytes) // an ArrayBuffer-backed copy the Blob and digest accept
    const sha256 = await digestSha256Hex(bytes)
    const existing = await db.files.where('sha256').equals(sha256).first()
    if (existing) return ok(withoutBlob(existing))
    const blob = new Blob([bytes], { type: mime })
    const facts = await describe(blob)
    if (typeof facts === 'string') return refused('invalid', facts)
    const file: StoredFileMeta = {
      id: newId(),
      name: incoming.name,
      mime,
      size: bytes.byteLength,
      sha256,
      width: facts.width,
      height: facts.height,
      createdAt: now().toISOString(),
    }
    const thumbnail = facts.thumbnail
    const hashes = facts.hashes
    return attempt(() =>
      db.transaction('rw', db.files, db.thumbnails, db.imageHashes, async () => {
        await db.files.put({ ...file, blob })
        if (thumbnail)
          await db.thumbnails.put({
            fileId: file.id,
            blob: thumbnail,
            width: facts.thumbnailWidth,
            height: facts.thumbnailHeight,
          })
        if (hashes && facts.width !== null && facts.height !== null)
          await db.imageHashes.put({
            fileId: file.id,
            name: file.name,
            ...hashes,
            width: facts.width,
            height: facts.height,
          })
        return file
      }),
    )
  }

  const metas = async (ids: readonly string[]): Promise<StoredFileMeta[]> => {
    const rows = await db.files.bulkGet([...ids])
    return rows.flatMap((row) => (row ? [withoutBlob(row)] : []))
  }

  const storePhoto = async (incoming: IncomingFile): Promise<StoreOutcome> => {
    const tooBig = tooLarge(incoming, maxPhotoBytes, 'photos')
    if (tooBig) return tooBig
    const type = sniffImageType(incoming.name, incoming.bytes)
    if (!type.ok) return refused('invalid', type.message)
    // Before any decode: a small file can state a gigapixel image, and a cut-short one would be stored half grey.
    const header = checkPhotoHeader(incoming.name, type.value, incoming.bytes)
    if (!header.ok) return refused('invalid', header.message)
    return store(incoming, type.value, async (blob) => {
      try {
        return await deps.probeImage(blob)
      } catch {
        return `${incoming.name} could not be read as an image; it may be damaged or cut short.`
      }
    })
  }

  return {
    /**
     * Stores a photo with its SHA-256, type, size and pixel size, plus a thumbnail.
     * A file that is too large or is not an image is refused with a message and nothing is stored;
     * the same bytes stored twice are kept once.
     */
    storePhoto,
    /**
     * Stores a session's evidence: a photo as storePhoto does, any other file
     * (a log, a capture) as it is, typed by its name. Over the limit it is refused.
     */
    async storeEvidence(incoming: IncomingFile): Promise<StoreOutcome> {
      const tooBig = tooLarge(incoming, maxEvidenceBytes, 'evidence files')
      if (tooBig) return tooBig
      // A file named as a photo must be one: a log renamed photo.jpg is refused, not kept as bytes.
      if (sniffImageType(incoming.name, incoming.bytes).ok || isPhotoName(incoming.name)) return storePhoto(incoming)
      return store(incoming, mimeTypeOf(incoming.name), async () => ({
        width: null,
        height: null,
        thumbnail: null,
        thumbnailWidth: 0,
        thumbnailHeight: 0,
      }))
    },
    /** The stored facts of these files, in the order asked, skipping any that are gone. */
    metas,
    thumbnail: (fileId: string) => db.thumbnails.get(fileId),
    original: async (fileId: string) => (await db.files.get(fileId))?.blob,
    async imageFacts(ids) {
      const wanted = [...new Set(ids)]
      if (wanted.length === 0) return new Map()
      // Dexie's bulkGet is one request per key: for most of the table, one getAll of it all is far quicker
      // (18,600 rows: 136 ms against 731 ms in Chromium).
      const hashed = new Map<string, ImageHashRow>()
      if (wanted.length < (await db.imageHashes.count()) * keyReadsUnder) {
        for (const row of await db.imageHashes.bulkGet(wanted)) if (row) hashed.set(row.fileId, row)
      } else {
        const asked = new Set(wanted)
        for (const row of await db.imageHashes.toArray()) if (asked.has(row.fileId)) hashed.set(row.fileId, row)
      }
      // Only the images never hashed are looked up among the files, for their names.
      const never = wanted.filter((id) => !hashed.has(id))
      const unhashed = new Map(never.length === 0 ? [] : (await metas(never)).map((meta) => [meta.id, meta.name]))
      const facts = new Map<string, ImageFacts>()
      for (const id of wanted) {
        const row = hashed.get(id)
        const name = row?.name ?? unhashed.get(id)
        if (name !== undefined) facts.set(id, { name, dHash: row?.dHash ?? null, pHash: row?.pHash ?? null })
      }
      return facts
    },
    async hashImages(ids) {
      // Each image once, however many pages ask at the same time. Claimed before the first await: a second
      // caller in the meantime leaves them to this one. Written a batch at a time, so a live query wakes once a
      // batch and a window closed half-way keeps what it had done.
      const claimed = [...new Set(ids)].filter((id) => !hashing.has(id))
      for (const id of claimed) hashing.add(id)
      try {
        const known = await db.imageHashes.bulkGet(claimed)
        let batch: ImageHashRow[] = []
        let hashed = 0
        const flush = async () => {
          if (batch.length > 0) await db.imageHashes.bulkPut(batch)
          hashed += batch.length
          batch = []
        }
        for (const id of claimed.filter((_, index) => known[index] === undefined)) {
          const file = await db.files.get(id)
          if (file === undefined || file.width === null) continue
          const facts = await deps.probeImage(file.blob).catch(() => undefined)
          if (facts?.hashes !== undefined)
            batch.push({ fileId: id, name: file.name, ...facts.hashes, width: facts.width, height: facts.height })
          if (batch.length >= hashBatch) await flush()
        }
        await flush()
        return hashed
      } finally {
        for (const id of claimed) hashing.delete(id)
      }
    },
  }
}

/** How many new hashes are written at once by hashImages. */
const hashBatch = 20

/** imageFacts reads image hashes by key while asked for under this share of them, else all of them in one request. */
const keyReadsUnder = 1 / 4

function withoutBlob(row: StoredFileMeta & { blob?: Blob }): StoredFileMeta {
  const { blob: _blob, ...meta } = row
  return meta
}
