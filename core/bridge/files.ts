import { z } from 'zod'
import { formatBytes } from '../format-bytes'

/** Largest file `files.saveAs` carries in one piece, and the highest per-file limit an open may ask for. */
export const maxTransferBytes = 64 * 1024 * 1024

/**
 * Largest piece of a file in one message, either way. Big enough that a 300 MB
 * backup is under forty round trips, small enough that main and the renderer
 * each hold only a few of them at once whatever the size of the file.
 */
export const maxChunkBytes = 8 * 1024 * 1024

/**
 * Most bytes one `files.open` reply carries inline. Small picks (a plan, a few
 * photos) arrive in one reply as before; anything past this comes as a read
 * handle, so one open never holds several large files in main at once.
 */
export const maxInlineBytes = 16 * 1024 * 1024

const Bytes = z.instanceof(Uint8Array)
// Main makes these with randomUUID; the pattern only keeps odd strings out of logs and maps.
const Id = z.string().regex(/^[0-9a-f-]{36}$/, 'is not an ID main handed out')
const Position = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 as 64 lowercase hex digits')

export const FileFilter = z.object({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^(\*|[a-z0-9]{1,10})$/i))
    .min(1)
    .max(30),
})

export const OpenFilesRequest = z.object({
  title: z.string().max(200).optional(),
  filters: z.array(FileFilter).max(20).optional(),
  multiple: z.boolean().optional(),
  maxBytes: z.number().int().positive().max(maxTransferBytes).optional(),
})

/** A picked file small enough to arrive whole. */
export const InlineFile = z.object({
  name: z.string(),
  type: z.string(),
  size: z.number().int().nonnegative(),
  bytes: Bytes,
})

/** A picked file main keeps open; the renderer reads it with `files.readRange`, then `files.closeRead`. */
export const HandleFile = z.object({
  name: z.string(),
  type: z.string(),
  size: z.number().int().nonnegative(),
  handle: Id,
})

export const PickedFile = z.union([InlineFile, HandleFile])

export const RejectedFile = z.object({ name: z.string(), reason: z.string() })

export const OpenFilesResponse = z.object({
  canceled: z.boolean(),
  files: z.array(PickedFile),
  rejected: z.array(RejectedFile),
})

export const ReadRangeRequest = z.object({
  handle: Id,
  offset: Position,
  length: z
    .number()
    .int()
    .positive()
    .max(maxChunkBytes, `A range is at most ${formatBytes(maxChunkBytes)}.`),
})

export const ReadRangeResponse = z.object({ bytes: Bytes })

export const CloseReadRequest = z.object({ handle: Id })

/** closed is false when the handle was already closed (by an earlier call, a reload or the idle timeout). */
export const CloseReadResponse = z.object({ closed: z.boolean() })

export const SaveAsRequest = z.object({
  title: z.string().max(200).optional(),
  suggestedName: z.string().min(1).max(255),
  filters: z.array(FileFilter).max(20).optional(),
  bytes: Bytes.refine((b) => b.byteLength <= maxTransferBytes, 'The file is larger than the 64 MiB limit.'),
})

export const SaveAsResponse = z.discriminatedUnion('canceled', [
  z.object({ canceled: z.literal(true) }),
  z.object({ canceled: z.literal(false), path: z.string(), name: z.string(), size: z.number().int().nonnegative() }),
])

export const BeginSaveRequest = z.object({
  title: z.string().max(200).optional(),
  suggestedName: z.string().min(1).max(255),
  filters: z.array(FileFilter).max(20).optional(),
})

export const BeginSaveResponse = z.discriminatedUnion('canceled', [
  z.object({ canceled: z.literal(true) }),
  z.object({ canceled: z.literal(false), saveId: Id, path: z.string(), name: z.string() }),
])

/** One piece of a save, in order: offset is the number of bytes sent before it. */
export const WriteChunkRequest = z.object({
  saveId: Id,
  offset: Position,
  bytes: Bytes.refine(
    (b) => b.byteLength > 0 && b.byteLength <= maxChunkBytes,
    `A chunk holds at least 1 byte and at most ${formatBytes(maxChunkBytes)}.`,
  ),
})

export const WriteChunkResponse = z.object({ written: Position })

/** The size and SHA-256 of the whole file as the renderer sent it; main compares them with what it wrote. */
export const CommitSaveRequest = z.object({ saveId: Id, size: Position, sha256: Sha256 })

export const CommitSaveResponse = z.object({ path: z.string(), name: z.string(), size: Position, sha256: Sha256 })

export const AbortSaveRequest = z.object({ saveId: Id })

/** aborted is false when the save had already ended (failed, expired or abandoned); either way nothing is left of it. */
export const AbortSaveResponse = z.object({ aborted: z.boolean() })

/** The files group of the contract: open and save through the person's dialogs, whole or in chunks. */
export const filesContract = {
  'files.open': { request: OpenFilesRequest, response: OpenFilesResponse },
  'files.readRange': { request: ReadRangeRequest, response: ReadRangeResponse },
  'files.closeRead': { request: CloseReadRequest, response: CloseReadResponse },
  'files.saveAs': { request: SaveAsRequest, response: SaveAsResponse },
  'files.beginSave': { request: BeginSaveRequest, response: BeginSaveResponse },
  'files.writeChunk': { request: WriteChunkRequest, response: WriteChunkResponse },
  'files.commitSave': { request: CommitSaveRequest, response: CommitSaveResponse },
  'files.abortSave': { request: AbortSaveRequest, response: AbortSaveResponse },
} as const

export type OpenFilesRequest = z.input<typeof OpenFilesRequest>
export type OpenFilesResponse = z.output<typeof OpenFilesResponse>
export type InlineFile = z.output<typeof InlineFile>
export type HandleFile = z.output<typeof HandleFile>
export type PickedFile = z.output<typeof PickedFile>
export type SaveAsRequest = z.input<typeof SaveAsRequest>
export type SaveAsResponse = z.output<typeof SaveAsResponse>
export type BeginSaveRequest = z.input<typeof BeginSaveRequest>
export type BeginSaveResponse = z.output<typeof BeginSaveResponse>
export type CommitSaveResponse = z.output<typeof CommitSaveResponse>
