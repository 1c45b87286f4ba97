import * as nodeFs from 'node:fs/promises'
import { basename } from 'node:path'
import { maxInlineBytes, maxTransferBytes } from '../../../core/bridge/contract'
import type { OpenFilesResponse, ParsedRequestOf, PickedFile, SaveAsResponse } from '../../../core/bridge/contract'
import { ServiceError } from '../../ipc/dispatcher'
import { mimeTypeFor } from '../../mime-types'
import { writeFileAtomic } from './atomic-write'
import { describeFsError } from './describe-fs-error'
import type { Dialogs } from './dialogs'
import { formatBytes } from '../../../core/format-bytes'
import { createReadHandles, type FileInfo, type ReadableHandle, type ReadHandles } from './read-handles'
import { chooseSaveTarget } from './save-target'

export type FileLimits = {
  /** The largest single file opened; a request may ask for less, never more. */
  readonly maxFileBytes: number
  /** The most bytes one open returns inline; the other files come back as read handles. */
  readonly maxInlineBytes: number
}

export const defaultFileLimits: FileLimits = { maxFileBytes: maxTransferBytes, maxInlineBytes }

export type { FileInfo, ReadableHandle }

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
  /** Where files too large to send inline are kept open for reading by range. */
  readonly reads?: ReadHandles
}

export type FileService = {
  open(request: ParsedRequestOf<'files.open'>): Promise<OpenFilesResponse>
  saveAs(request: ParsedRequestOf<'files.saveAs'>): Promise<SaveAsResponse>
}

type Opened =
  | { readonly ok: true; readonly handle: ReadableHandle; readonly info: FileInfo }
  | { readonly ok: false; readonly reason: string }

/**
 * Opening and saving files the person picks in a dialog. Opening never reads a
 * file over the size limit (it is listed in `rejected` with the reason); small
 * files come back whole while the reply has room, the rest as read handles;
 * saving replaces the target atomically, so a failed save leaves the old file.
 */
export function createFileService(deps: FileServiceDeps): FileService {
  const limits: FileLimits = { ...defaultFileLimits, ...deps.limits }
  const fs: ReadFs = deps.fs ?? nodeFs
  const writeFile = deps.writeFile ?? ((path: string, bytes: Uint8Array) => writeFileAtomic(path, bytes))
  const reads = deps.reads ?? createReadHandles()

  return {
    async open(request) {
      const paths = await deps.dialogs.pickFilesToOpen({
        title: request.title,
        filters: request.filters,
        multiple: request.multiple,
      })
      if (paths.length === 0) return { canceled: true, files: [], rejected: [] }

      const perFileLimit = Math.min(request.maxBytes ?? limits.maxFileBytes, limits.maxFileBytes)
      const files: PickedFile[] = []
      const rejected: { name: string; reason: string }[] = []
      let inlineRoom = limits.maxInlineBytes
      // One at a time: reading a large selection in parallel would hold all of it in memory at once.
      for (const path of request.multiple === true ? paths : paths.slice(0, 1)) {
        const name = basename(path)
        const type = mimeTypeFor(name)
        const opened = await openWithinLimit(fs, path, name, perFileLimit)
        if (!opened.ok) {
          rejected.push({ name, reason: opened.reason })
          continue
        }
        const { handle, info } = opened
        if (info.size <= inlineRoom) {
          const read = await readWhole(handle, name, info.size).finally(() => handle.close().catch(() => undefined))
          if (!read.ok) {
            rejected.push({ name, reason: read.reason })
            continue
          }
          inlineRoom -= info.size
          files.push({ name, type, size: info.size, bytes: read.bytes })
        } else if (reads.hasRoom) {
          const id = reads.keep({ name, size: info.size, mtimeMs: info.mtimeMs, handle })
          files.push({ name, type, size: info.size, handle: id })
        } else {
          await handle.close().catch(() => undefined)
          rejected.push({
            name,
            reason: `${name} was not opened: too many files are open for reading at once. Add it again once the others are in.`,
          })
        }
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
      const target = await chooseSaveTarget(path, deps.dialogs)
      if (target === undefined) return { canceled: true }
      try {
        await writeFile(target.replaced, request.bytes)
      } catch (error) {
        throw new ServiceError(
          'io-failed',
          `Could not save ${name}: ${describeFsError(error)}. The previous file, if any, is unchanged.`,
        )
      }
      return { canceled: false, path, name, size: request.bytes.byteLength }
    },
  }
}

const unreadable = (name: string, error: unknown) =>
  ({ ok: false, reason: `${name} could not be read: ${describeFsError(error)}.` }) as const
const changed = (name: string) =>
  ({ ok: false, reason: `${name} changed while it was being read. Open it again.` }) as const

/** Opens a regular file within the size limit, checking its size before opening and again on the open file. */
async function openWithinLimit(fs: ReadFs, path: string, name: string, fileLimit: number): Promise<Opened> {
  const tooLarge = (size: number): Opened => ({
    ok: false,
    reason: `${name} is ${formatBytes(size)}, more than the ${formatBytes(fileLimit)} limit for opening a file. It was not opened.`,
  })
  const notAFile: Opened = {
    ok: false,
    reason: `${name} is not a regular file (it may be a folder or a device) and was not opened.`,
  }

  // Look at the size before opening: an over-limit file is never read, not even in part.
  let info: FileInfo
  try {
    info = await fs.stat(path)
  } catch (error) {
    return unreadable(name, error)
  }
  if (!info.isFile()) return notAFile
  if (info.size > fileLimit) return tooLarge(info.size)

  let handle: ReadableHandle
  try {
    handle = await fs.open(path, 'r')
  } catch (error) {
    return unreadable(name, error)
  }
  let refusal: Opened
  try {
    // Check again on the open file: it may have been replaced since the stat.
    const opened = await handle.stat()
    if (opened.isFile() && opened.size <= fileLimit) return { ok: true, handle, info: opened }
    refusal = opened.isFile() ? tooLarge(opened.size) : notAFile
  } catch (error) {
    refusal = unreadable(name, error)
  }
  await handle.close().catch(() => undefined)
  return refusal
}

async function readWhole(
  handle: ReadableHandle,
  name: string,
  size: number,
): Promise<
  { readonly ok: true; readonly bytes: Uint8Array<ArrayBuffer> } | { readonly ok: false; readonly reason: string }
> {
  try {
    // A plain Uint8Array of exactly the file's size: a Buffer may share a pooled
    // ArrayBuffer with unrelated data, and serializes differently outside Electron.
    const bytes = new Uint8Array(size)
    let filled = 0
    while (filled < bytes.byteLength) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.byteLength - filled, filled)
      if (bytesRead === 0) return changed(name)
      filled += bytesRead
    }
    const { bytesRead: beyondEnd } = await handle.read(new Uint8Array(1), 0, 1, filled)
    if (beyondEnd > 0) return changed(name)
    return { ok: true, bytes }
  } catch (error) {
    return unreadable(name, error)
  }
}

/** The suggested name is only a default in the dialog; a path in it must not pick the folder. */
export function plainFileName(suggested: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced here
  const plain = suggested.replace(/[/\\:\u0000-\u001f\u007f]/g, '_').trim()
  return plain === '' || plain === '.' || plain === '..' ? 'untitled' : plain
}
