import { formatBytes } from '../../../core/format-bytes'
import { maxPhotoBytes, type StoredFileMeta } from '../../../core/model/stored-file'
import { sniffImageType } from '../../../core/rules/image-type'
import type { ImageProbe } from '../../media/image-probe'
import { sha256Hex } from '../../media/sha256'
import type { LabDb, ThumbnailRow } from '../lab-db'

export type IncomingFile = { readonly name: string; readonly bytes: Uint8Array }
export type StoreOutcome = { readonly ok: true; readonly file: StoredFileMeta } | { readonly ok: false; readonly message: string }

export type FilesRepo = ReturnType<typeof createFilesRepo>

export function createFilesRepo(
  db: LabDb,
  deps: { readonly probeImage: ImageProbe; readonly now?: () => Date; readonly newId?: () => string },
) {
  const now = deps.now ?? (() => new Date())
  const newId = deps.newId ?? (() => crypto.randomUUID())

  return {
    /**
     * Stores a photo with its SHA-256, type, size and pixel size, plus a thumbnail.
     * A file that is too large or is not an image is refused with a message and nothing is stored;
     * the same bytes stored twice are kept once.
     */
    async storePhoto(incoming: IncomingFile): Promise<StoreOutcome> {
      if (incoming.bytes.byteLength > maxPhotoBytes) {
        return {
          ok: false,
          message: `${incoming.name} is ${formatBytes(incoming.bytes.byteLength)}; photos can be at most ${formatBytes(maxPhotoBytes)}.`,
        }
      }
      const type = sniffImageType(incoming.name, incoming.bytes)
      if (!type.ok) return { ok: false, message: type.message }
      const bytes = new Uint8Array(incoming.bytes) // an ArrayBuffer-backed copy the Blob and digest accept
      const sha256 = await sha256Hex(bytes)
      const existing = await db.files.where('sha256').equals(sha256).first()
      if (existing) return { ok: true, file: withoutBlob(existing) }
      const blob = new Blob([bytes], { type: type.value })
      let facts
      try {
        facts = await deps.probeImage(blob)
      } catch {
        return { ok: false, message: `${incoming.name} could not be read as an image; it may be damaged or cut short.` }
      }
      const file: StoredFileMeta = {
        id: newId(),
        name: incoming.name,
        mime: type.value,
        size: bytes.byteLength,
        sha256,
        width: facts.width,
        height: facts.height,
        createdAt: now().toISOString(),
      }
      const thumbnail: ThumbnailRow = {
        fileId: file.id,
        blob: facts.thumbnail,
        width: facts.thumbnailWidth,
        height: facts.thumbnailHeight,
      }
      await db.transaction('rw', db.files, db.thumbnails, async () => {
        await db.files.put({ ...file, blob })
        await db.thumbnails.put(thumbnail)
      })
      return { ok: true, file }
    },
    /** The stored facts of these files, in the order asked, skipping any that are gone. */
    async metas(ids: readonly string[]): Promise<StoredFileMeta[]> {
      const rows = await db.files.bulkGet([...ids])
      return rows.flatMap((row) => (row ? [withoutBlob(row)] : []))
    },
    thumbnail: (fileId: string) => db.thumbnails.get(fileId),
    original: async (fileId: string) => (await db.files.get(fileId))?.blob,
  }
}

function withoutBlob(row: StoredFileMeta & { blob?: Blob }): StoredFileMeta {
  const { blob: _blob, ...meta } = row
  return meta
}
