import * as nodeFs from 'node:fs/promises'
import { basename } from 'node:path'
import { maxTransferBytes } from '../../core/bridge/contract'
import type { OpenFilesResponse, ParsedRequestOf, PickedFile, SaveAsResponse } from '../../core/bridge/contract'
import { ServiceError } from '../ipc/dispatcher'
import { mimeTypeFor } from '../mime-types'
import { writeFileAtomic } from './atomic-write'
import { describeFsError } from './describe-fs-error'
import type { Dialogs } from './dialogs'
import { formatBytes } from '../../core/format-bytes'

export type FileLimits = {
  /** The largest single file opened; a request may ask for less, never more. */
  readonly maxFileBytes: number
  /** The most bytes one open returns, so a large selection cannot exhaust memory or the IPC channel. */
  readonly maxTotalBytes: number
}

export const defaultFileLimits: FileLimits = { maxFileBytes: maxTransferBytes, maxTotalBytes: 4 * maxTransferBytes }

type FileInfo = { readonly size: number; isFile(): boolean }

/** The part of a file handle reading uses. */
export type ReadableHandle = {
  stat(): Promise<FileInfo>
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ readonly bytesRead: number }>
  close(): Promise<void>
}

/** The part of node:fs/promises reading uses; tests pass spies. */
export type ReadFs = {
  stat(path: string): Promise<FileInfo>
  open(path: string, flags: 'r'): Promise<ReadableHandle>
}

export type FileServiceDeps = {
  readonly dialogs: Dialogs
  readonly limits?: Partial<FileLimits>
  readonly fs?: ReadFs
  readonly writeFile?: (path: string, bytes: Uint8Array) => Promise<void>
}

export type FileService = {
  open(request: ParsedRequestOf<'files.open'>): Promise<OpenFilesResponse>
  saveAs(request: ParsedRequestOf<'files.saveAs'>): Promise<SaveAsResponse>
}

type ReadOutcome = { readonly ok: true; readonly bytes: Uint8Array<ArrayBuffer> } | { readonly ok: false; readonly reason: string }

/**
 * Opening and saving files the person picks in a dialog. Opening never reads a
 * file over the size limit (it is listed in `rejected` with the reason);
 * saving replaces the target atomically, so a failed save leaves the old file.
 */
export function createFileService(deps: FileServiceDeps): FileService {
  const limits: FileLimits = { ...defaultFileLimits, ...deps.limits }
  const fs: ReadFs = deps.fs ?? nodeFs
  const writeFile = deps.writeFile ?? ((path: string, bytes: Uint8Array) => writeFileAtomic(path, bytes))

  return {
    async open(request) {
      const paths = await deps.dialogs.pickFilesToOpen({ title: request.title, filters: request.filters, multiple: request.multiple })
      if (paths.length === 0) return { canceled: true, files: [], rejected: [] }

      const perFileLimit = Math.min(request.maxBytes ?? limits.maxFileBytes, limits.maxFileBytes)
      const files: PickedFile[] = []
      const rejected: { name: string; reason: string }[] = []
      let total = 0
      // One at a time: reading a large selection in parallel would hold all of it in memory at once.
      for (const path of request.multiple === true ? paths : paths.slice(0, 1)) {
        const name = basename(path)
        const outcome = await readWithinLimits(fs, path, name, perFileLimit, limits.maxTotalBytes - total, limits.maxTotalBytes)
        if (!outcome.ok) {
          rejected.push({ name, reason: outcome.reason })
          continue
        }
        total += outcome.bytes.byteLength
        files.push({ name, type: mimeTypeFor(name), size: outcome.bytes.byteLength, bytes: outcome.bytes })
      }
      return { canceled: false, files, rejected }
    },

    async saveAs(request) {
      const path = await deps.dialogs.pickSavePath({
        title: request.title,
        suggestedName: plainFileName(request.suggestedName),
        filters: request.filters,
      })
      if (path === undefined || path === '') return { canceled: true }
      const name = basename(path)
      try {
        await writeFile(path, request.bytes)
      } catch (error) {
        throw new ServiceError('io-failed', `Could not save ${name}: ${describeFsError(error)}. The previous file, if any, is unchanged.`)
      }
      return { canceled: false, path, name, size: request.bytes.byteLength }
    },
  }
}

async function readWithinLimits(
  fs: ReadFs,
  path: string,
  name: string,
  fileLimit: number,
  roomLeft: number,
  totalLimit: number,
): Promise<ReadOutcome> {
  const tooLarge = (size: number): ReadOutcome => ({
    ok: false,
    reason: `${name} is ${formatBytes(size)}, more than the ${formatBytes(fileLimit)} limit for opening a file. It was not opened.`,
  })
  const noRoom: ReadOutcome = {
    ok: false,
    reason: `${name} was not opened: together with the files before it, the selection is more than the ${formatBytes(totalLimit)} limit for one open. Open it on its own.`,
  }
  const unreadable = (error: unknown): ReadOutcome => ({ ok: false, reason: `${name} could not be read: ${describeFsError(error)}.` })
  const notAFile: ReadOutcome = { ok: false, reason: `${name} is not a regular file (it may be a folder or a device) and was not opened.` }
  const changed: ReadOutcome = { ok: false, reason: `${name} changed while it was being read. Open it again.` }

  // Look at the size before opening: an over-limit file is never read, not even in part.
  let info: FileInfo
  try {
    info = await fs.stat(path)
  } catch (error) {
    return unreadable(error)
  }
  if (!info.isFile()) return notAFile
  if (info.size > fileLimit) return tooLarge(info.size)
  if (info.size > roomLeft) return noRoom

  let handle: ReadableHandle
  try {
    handle = await fs.open(path, 'r')
  } catch (error) {
    return unreadable(error)
  }
  try {
    // Check again on the open file: it may have been replaced since the stat.
    const opened = await handle.stat()
    if (!opened.isFile()) return notAFile
    if (opened.size > fileLimit) return tooLarge(opened.size)
    if (opened.size > roomLeft) return noRoom
    // A plain Uint8Array of exactly the file's size: a Buffer may share a pooled
    // ArrayBuffer with unrelated data, and serializes differently outside Electron.
    const bytes = new Uint8Array(opened.size)
    let filled = 0
    while (filled < bytes.byteLength) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.byteLength - filled, filled)
      if (bytesRead === 0) return changed
      filled += bytesRead
    }
    const { bytesRead: beyondEnd } = await handle.read(new Uint8Array(1), 0, 1, filled)
    if (beyondEnd > 0) return changed
    return { ok: true, bytes }
  } catch (error) {
    return unreadable(error)
  } finally {
    await handle.close().catch(() => undefined)
  }
}

// The suggested name is only a default in the dialog; a path in it must not pick the folder.
function plainFileName(suggested: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced here
  const plain = suggested.replace(/[/\\:\u0000-\u001f\u007f]/g, '_').trim()
  return plain === '' || plain === '.' || plain === '..' ? 'untitled' : plain
}
