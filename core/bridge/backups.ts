import { z } from 'zod'
import { backupReasons, BackupManifest } from '../backup/manifest'
import { formatBytes } from '../format-bytes'
import type { FileFilter } from './files'

// Main makes these with randomUUID; the pattern only keeps odd strings out of logs and maps.
const Id = z.string().regex(/^[0-9a-f-]{36}$/, 'is not an ID main handed out')
const Position = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 as 64 lowercase hex digits')

/** How many automatic backups main keeps, unless the lab chose otherwise. */
export const defaultGenerations = 7
export const maxGenerations = 100

export const Generations = z
  .number()
  .int('Keep a whole number of backups.')
  .min(1, 'Keep at least 1 automatic backup.')
  .max(maxGenerations, `Keep at most ${maxGenerations} automatic backups.`)

/** The file filter of backup dialogs: a backup is a zip that `unzip -l` lists. */
export const backupFileFilters = [{ name: 'WWA Lab backup', extensions: ['zip'] }] satisfies z.input<
  typeof FileFilter
>[]

const BackupSummary = BackupManifest.omit({ parts: true }).extend({
  partCount: z.number().int().nonnegative(),
  bytes: Position,
})

/** One file in main's backup folder, with its manifest's summary, or why it cannot be restored. */
export const StoredBackup = z.object({
  name: z.string(),
  size: Position,
  modifiedAt: z.iso.datetime(),
  summary: BackupSummary.nullable(),
  problem: z.string().nullable(),
})

export const ManualBackup = z.object({
  name: z.string(),
  path: z.string(),
  createdAt: z.iso.datetime(),
  size: Position,
})

export const ListBackupsResponse = z.object({
  folder: z.string(),
  generations: Generations,
  /** Newest first. */
  backups: z.array(StoredBackup),
  lastManual: ManualBackup.nullable(),
})

export const BeginBackupRequest = z.discriminatedUnion('target', [
  /** Into main's backup folder, under a name main chooses. */
  z.object({
    target: z.literal('folder'),
    reason: z.enum(backupReasons).exclude(['manual']),
    createdAt: z.iso.datetime(),
  }),
  /** To a file the person picks in the save dialog. */
  z.object({ target: z.literal('file'), suggestedName: z.string().min(1).max(255), createdAt: z.iso.datetime() }),
])

export const BeginBackupResponse = z.discriminatedUnion('canceled', [
  z.object({ canceled: z.literal(true) }),
  z.object({ canceled: z.literal(false), saveId: Id, path: z.string(), name: z.string() }),
])

/**
 * Most bytes of a part in one writeChunk: a photo of up to 32 MiB crosses in
 * one message, read from IndexedDB as one piece and hashed once on each side.
 */
export const maxBackupChunkBytes = 32 * 1024 * 1024

/**
 * One piece of one part of a backup, in order, with its own SHA-256
 * (WebCrypto's, native, over the bytes the renderer read). Main checks it,
 * computes the part's CRC-32 and SHA-256 itself and writes the zip around the
 * parts, so the renderer reads and hashes each byte once and main once more.
 * A part starts with offset 0 and ends when partSize bytes have arrived.
 */
export const WriteBackupChunkRequest = z.object({
  saveId: Id,
  part: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\w./-]+$/, 'names a part with letters, digits, ".", "_", "-" and "/" only'),
  partSize: Position,
  offset: Position,
  sha256: Sha256,
  bytes: z
    .instanceof(Uint8Array)
    .refine((b) => b.byteLength <= maxBackupChunkBytes, `A chunk holds at most ${formatBytes(maxBackupChunkBytes)}.`),
})

export const WriteBackupChunkResponse = z.object({ written: Position })

/** What only the renderer knows of the manifest; main adds the format and the parts as it wrote them. */
export const BackupManifestHead = BackupManifest.omit({ format: true, formatVersion: true, parts: true })

export const CommitBackupRequest = z.object({ saveId: Id, manifest: BackupManifestHead })

export const CommitBackupResponse = z.object({
  path: z.string(),
  name: z.string(),
  size: Position,
  /** The manifest main wrote last in the file. */
  manifest: BackupManifest,
  /** Automatic backups main removed because more than the chosen number were kept. */
  pruned: z.array(z.string()),
})

export const AbortBackupRequest = z.object({ saveId: Id })
export const AbortBackupResponse = z.object({ aborted: z.boolean() })

/** A backup main keeps open for reading by `files.readRange`, then `files.closeRead`. */
export const OpenedBackupFile = z.object({ name: z.string(), size: Position, handle: Id })

export const OpenBackupFileRequest = z.object({ title: z.string().max(200).optional() })
export const OpenBackupFileResponse = z.discriminatedUnion('canceled', [
  z.object({ canceled: z.literal(true) }),
  z.object({ canceled: z.literal(false), file: OpenedBackupFile }),
])

export const OpenStoredBackupRequest = z.object({ name: z.string().min(1).max(255) })

export const SetGenerationsRequest = z.object({ generations: Generations })
export const SetGenerationsResponse = z.object({ generations: Generations, pruned: z.array(z.string()) })

/** The backups group: automatic backups in main's folder, manual ones to a chosen file, and opening either to restore. */
export const backupsContract = {
  'backups.list': { request: z.undefined(), response: ListBackupsResponse },
  'backups.begin': { request: BeginBackupRequest, response: BeginBackupResponse },
  'backups.writeChunk': { request: WriteBackupChunkRequest, response: WriteBackupChunkResponse },
  'backups.commit': { request: CommitBackupRequest, response: CommitBackupResponse },
  'backups.abort': { request: AbortBackupRequest, response: AbortBackupResponse },
  'backups.openFile': { request: OpenBackupFileRequest, response: OpenBackupFileResponse },
  'backups.openStored': { request: OpenStoredBackupRequest, response: OpenedBackupFile },
  'backups.setGenerations': { request: SetGenerationsRequest, response: SetGenerationsResponse },
} as const

export type StoredBackup = z.output<typeof StoredBackup>
export type ListBackupsResponse = z.output<typeof ListBackupsResponse>
export type OpenedBackupFile = z.output<typeof OpenedBackupFile>
