import { Inflate } from 'fflate'
import { backupRefusal, type BackupManifest, type BackupPart, type BackupProblem } from '../../../core/backup/manifest'
import { readBackupManifest } from '../../../core/backup/read-manifest'
import { dataOffsetOf, type ReadAt, type ZipEntry } from '../../../core/backup/zip-directory'
import type { Outcome } from '../../../core/outcome'
import { createPartHash, joinPieces, wholePartBytes } from './part-bytes'

/** A backup being read: its checked manifest, and each part's bytes checked against it as they are read. */
export type BackupReader = {
  readonly fileName: string
  readonly manifest: BackupManifest
  /** The part's bytes, in pieces, then its SHA-256 compared with the manifest's; a mismatch is a refusal. */
  readPart(
    part: BackupPart,
    onPiece: (piece: Uint8Array) => void | Promise<void>,
  ): Promise<Outcome<void, BackupProblem>>
}

/**
 * Opens a backup by range: the directory and manifest are read and checked
 * (format and schema versions, every part present at its size) before any
 * part, and no part is trusted until its hash matches.
 */
export async function openBackupReader(
  fileName: string,
  size: number,
  readAt: ReadAt,
  knownSchemaVersion: number,
): Promise<Outcome<BackupReader, BackupProblem>> {
  const opened = await readBackupManifest(fileName, size, readAt, knownSchemaVersion)
  if (!opened.ok) return opened
  const { manifest, entries } = opened.value
  return {
    ok: true,
    value: {
      fileName,
      manifest,
      async readPart(part, onPiece) {
        const entry = entries.get(part.name) as ZipEntry
        const start = await dataOffsetOf(fileName, entry, readAt)
        if (!start.ok) return start
        const hash = createPartHash(part.size)
        const pieces: Uint8Array[] = []
        if (entry.method === 0) {
          // One piece for a part hashed whole; else pieces of wholePartBytes.
          for (let at = 0; at < entry.size || (at === 0 && entry.size === 0); at += wholePartBytes) {
            const length = Math.min(wholePartBytes, entry.size - at)
            const piece = await readAt(start.value + at, length)
            if (piece.byteLength !== length)
              return backupRefusal('truncated', `${fileName} ends inside the part ${part.name}.`)
            hash.update(piece)
            await onPiece(piece)
            if (entry.size === 0) break
          }
        } else if (entry.method === 8) {
          let produced = 0
          const inflate = new Inflate((chunk) => {
            produced += chunk.byteLength
            pieces.push(chunk)
          })
          const step = 4 * 1024 * 1024
          for (let at = 0; at < entry.compressedSize; at += step) {
            const length = Math.min(step, entry.compressedSize - at)
            const piece = await readAt(start.value + at, length)
            if (piece.byteLength !== length)
              return backupRefusal('truncated', `${fileName} ends inside the part ${part.name}.`)
            try {
              inflate.push(piece, at + length >= entry.compressedSize)
            } catch {
              return backupRefusal('damaged', `${fileName} is damaged: the part ${part.name} does not decompress.`)
            }
            if (produced > part.size) break
            // Decompressed pieces are hashed incrementally when the part is large, else gathered and hashed once.
            if (part.size > wholePartBytes) {
              for (const out of pieces.splice(0)) {
                hash.update(out)
                await onPiece(out)
              }
            }
          }
          if (produced !== part.size) {
            return backupRefusal(
              'damaged',
              `${fileName} is damaged: the part ${part.name} decompresses to ${produced.toLocaleString('en-US')} bytes where the manifest says ${part.size.toLocaleString('en-US')}.`,
            )
          }
          if (part.size <= wholePartBytes) {
            const whole = joinPieces(pieces.splice(0), part.size)
            hash.update(whole)
            await onPiece(whole)
          }
        } else {
          return backupRefusal(
            'damaged',
            `${fileName} is damaged: the part ${part.name} is stored in a way WWA Lab does not write.`,
          )
        }
        if ((await hash.hex()) !== part.sha256) {
          return backupRefusal(
            'damaged',
            `${fileName} is damaged: the part ${part.name} does not match its SHA-256 in the manifest (the file was changed or corrupted after it was written).`,
          )
        }
        return { ok: true, value: undefined }
      },
    },
  }
}
