import type Dexie from 'dexie'
import { exportDB } from 'dexie-export-import'
import { Zip, ZipDeflate, ZipPassThrough, type ZipInputFile } from 'fflate'
import {
  backupFormat,
  backupFormatVersion,
  manifestName,
  recordsPartName,
  type BackupManifest,
  type BackupPart,
  type BackupReason,
} from '../../../core/backup/manifest'
import { formatBytes } from '../../../core/format-bytes'
import { messageOf } from '../../../core/text/message-of'
import { BackupError, type BackupFailure } from './backup-error'
import type { BackupSink, WrittenBackup } from './backup-sink'
import { blobPartName, withPartReferences } from './blob-parts'
import { createPartHash, piecesOfBlob } from './part-bytes'

/** fflate writes zips without zip64, so offsets stop at 4 GiB; room is left for headers and the manifest. */
export const maxBackupBytes = 4 * 1024 ** 3 - 256 * 1024 ** 2

export type BackupProgress = { readonly done: number; readonly total: number }

export type WriteBackupOptions = {
  readonly reason: BackupReason
  readonly createdAt: Date
  readonly signal?: AbortSignal
  readonly onProgress?: (progress: BackupProgress) => void
}

export type BackupWritten = WrittenBackup & { readonly manifest: BackupManifest }

/**
 * Writes the whole database (every table's records, and every Blob) to sink as
 * one zip: records.json from dexie-export-import with Blobs replaced by
 * references, each Blob as its own stored part, and manifest.json last with
 * the counts per table and the size and SHA-256 of every part. The records are
 * read in one read transaction, so they are one consistent moment of the lab;
 * Blobs are then read one at a time, so memory holds one part (at most 32 MiB)
 * whatever the size of the database. On failure or cancel main removes what
 * was written and the outcome says why.
 */
export async function writeBackup(
  db: Dexie,
  sink: BackupSink,
  options: WriteBackupOptions,
): Promise<{ ok: true; value: BackupWritten } | { ok: false; problem: BackupFailure }> {
  const { signal, onProgress } = options
  const blobs: { name: string; blob: Blob }[] = []
  const counts: Record<string, number> = Object.fromEntries(db.tables.map((table) => [table.name, 0]))
  try {
    const records = await exportDB(db, {
      numRowsPerChunk: 500,
      transform: (table, value: unknown, key: unknown) => {
        counts[table] = (counts[table] ?? 0) + 1
        const replaced = withPartReferences(value, () => blobPartName(blobs.length + 1))
        blobs.push(...replaced.blobs)
        return { value: replaced.row, key }
      },
    })
    signal?.throwIfAborted()
    const total = records.size + blobs.reduce((sum, { blob }) => sum + blob.size, 0)
    if (total > maxBackupBytes) {
      throw new BackupError(
        `Could not back up the lab’s data: its records and files come to ${formatBytes(total)}, and one backup file holds at most ${formatBytes(maxBackupBytes)} (the zip format without its 64-bit extension). Nothing was kept of this backup. Remove photos or evidence the lab no longer needs, or ask for a release that splits backups.`,
      )
    }
    let done = 0
    onProgress?.({ done, total })

    const out: Uint8Array[] = []
    let zipError: Error | null = null
    const zip = new Zip((error, data) => {
      if (error) zipError = error
      else if (data.byteLength > 0) out.push(data)
    })
    const drain = async () => {
      if (zipError) throw zipError
      while (out.length > 0) await sink.write(out.shift()!)
    }
    const parts: BackupPart[] = []
    const addPart = async (
      entry: ZipInputFile & { push(chunk: Uint8Array, final?: boolean): void },
      name: string,
      blob: Blob,
    ) => {
      zip.add(entry)
      const hash = createPartHash(blob.size)
      let any = false
      for await (const piece of piecesOfBlob(blob)) {
        signal?.throwIfAborted()
        hash.update(piece)
        entry.push(piece, false)
        any = true
        done += piece.byteLength
        await drain()
        onProgress?.({ done, total })
      }
      if (!any) hash.update(new Uint8Array(0))
      entry.push(new Uint8Array(0), true)
      await drain()
      parts.push({ name, size: blob.size, sha256: await hash.hex() })
    }

    // Level 1: records are a few percent of a backup, and the fastest level keeps them from setting its pace.
    await addPart(new ZipDeflate(recordsPartName, { level: 1 }), recordsPartName, records)
    for (const { name, blob } of blobs) await addPart(new ZipPassThrough(name), name, blob)

    const manifest: BackupManifest = {
      format: backupFormat,
      formatVersion: backupFormatVersion,
      schemaVersion: db.verno,
      createdAt: options.createdAt.toISOString(),
      reason: options.reason,
      database: db.name,
      counts,
      parts,
    }
    const manifestEntry = new ZipPassThrough(manifestName)
    zip.add(manifestEntry)
    manifestEntry.push(new TextEncoder().encode(JSON.stringify(manifest)), true)
    zip.end()
    await drain()
    signal?.throwIfAborted()
    const written = await sink.commit()
    return { ok: true, value: { ...written, manifest } }
  } catch (error) {
    await sink.abort()
    if (signal?.aborted === true) {
      return {
        ok: false,
        problem: { canceled: true, message: `The backup ${sink.name} was cancelled; nothing was kept of it.` },
      }
    }
    const message =
      error instanceof BackupError
        ? error.message
        : `Could not back up the lab’s data to ${sink.name}: ${messageOf(error)}. Nothing was kept of this backup.`
    return { ok: false, problem: { message } }
  }
}
