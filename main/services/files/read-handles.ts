import type { ParsedRequestOf, ResponseOf } from '../../../core/bridge/contract'
import { ServiceError } from '../../ipc/dispatcher'
import { describeFsError } from './describe-fs-error'
import { createTransferTable } from './transfer-table'
import { durationInWords, twoSizes } from './transfer-words'

/** What a read handle knows of its file when opened; mtimeMs when the file system reports one. */
export type FileInfo = { readonly size: number; readonly mtimeMs?: number; isFile(): boolean }

/** The part of a file handle reading uses. */
export type ReadableHandle = {
  stat(): Promise<FileInfo>
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ readonly bytesRead: number }>
  close(): Promise<void>
}

export type ReadHandleLimits = {
  /** Most files kept open for reading at once; each holds one file descriptor. */
  readonly maxOpen: number
  /** A handle not read for this long is closed. */
  readonly idleMs: number
}

// 64 descriptors stay far below every desktop's per-process limit (macOS gives
// apps 256), yet cover a large selection of photos read one after another.
// Five minutes, because a selection is read file by file: the last handle of
// a long one waits while the files before it are hashed and stored.
export const defaultReadHandleLimits: ReadHandleLimits = { maxOpen: 64, idleMs: 5 * 60_000 }

type OpenRead = {
  readonly name: string
  readonly size: number
  readonly mtimeMs?: number
  readonly handle: ReadableHandle
}

export type ReadHandles = {
  readonly hasRoom: boolean
  /** Keeps an open file for reading by range and returns its handle ID; the caller checked hasRoom. */
  keep(file: OpenRead): string
  read(request: ParsedRequestOf<'files.readRange'>): Promise<ResponseOf<'files.readRange'>>
  close(request: ParsedRequestOf<'files.closeRead'>): Promise<ResponseOf<'files.closeRead'>>
  /** Closes every handle: the page that held them is gone. */
  closeAll(): Promise<void>
}

/**
 * Files picked in the open dialog that are too large to send in one reply.
 * Main keeps only the open file descriptor; the renderer reads the bytes a
 * range at a time and closes the handle. Every read checks that the file still
 * has the size it had when opened, so a file that grows or shrinks while being
 * read is refused instead of arriving half old, half new.
 */
export function createReadHandles(limits: Partial<ReadHandleLimits> = {}): ReadHandles {
  const { maxOpen, idleMs } = { ...defaultReadHandleLimits, ...limits }
  const release = (file: OpenRead) => file.handle.close().catch(() => undefined)
  const table = createTransferTable<OpenRead>({
    idleMs,
    idleMessage: (file) =>
      `${file.name} was closed because it was not read for ${durationInWords(idleMs)}. Open it again.`,
    onIdle: (file) => void release(file),
    unknownMessage: 'This file is no longer open for reading. Open it again.',
  })

  const end = async (id: string, file: OpenRead, error: ServiceError): Promise<never> => {
    table.take(id, error.message)
    await release(file)
    throw error
  }

  const changed = (file: OpenRead, now?: number) => {
    if (now === undefined || now === file.size)
      return new ServiceError('changed', `${file.name} changed while it was being read. Open it again.`)
    const [then, nowInWords] = twoSizes(file.size, now)
    return new ServiceError(
      'changed',
      `${file.name} changed while it was being read: it was ${then} when opened and is ${nowInWords} now. Open it again.`,
    )
  }

  return {
    get hasRoom() {
      return table.size < maxOpen
    },

    keep: (file) => table.add(file),

    async read({ handle: id, offset, length }) {
      const file = table.get(id)
      table.touch(id)
      if (offset + length > file.size) {
        throw new ServiceError(
          'invalid-request',
          `Asked for bytes ${offset} to ${offset + length} of ${file.name}, which has only ${file.size}. Nothing was read.`,
        )
      }
      try {
        const info = await file.handle.stat()
        const modified = info.mtimeMs !== undefined && file.mtimeMs !== undefined && info.mtimeMs !== file.mtimeMs
        if (info.size !== file.size || modified) return await end(id, file, changed(file, info.size))
        // A plain Uint8Array of exactly the range: it crosses IPC as it is.
        const bytes = new Uint8Array(length)
        let filled = 0
        while (filled < length) {
          const { bytesRead } = await file.handle.read(bytes, filled, length - filled, offset + filled)
          if (bytesRead === 0) return await end(id, file, changed(file))
          filled += bytesRead
        }
        if (offset + length === file.size) {
          const { bytesRead: beyondEnd } = await file.handle.read(new Uint8Array(1), 0, 1, file.size)
          if (beyondEnd > 0) return await end(id, file, changed(file))
        }
        table.touch(id)
        return { bytes }
      } catch (error) {
        if (error instanceof ServiceError) throw error
        return end(
          id,
          file,
          new ServiceError('io-failed', `${file.name} could not be read: ${describeFsError(error)}. Open it again.`),
        )
      }
    },

    async close({ handle: id }) {
      const file = table.peek(id)
      if (file === undefined) return { closed: false }
      table.take(id, `${file.name} was already read and closed. Open it again to read it once more.`)
      await release(file)
      return { closed: true }
    },

    async closeAll() {
      const files = table.ids().flatMap((id) => {
        const file = table.peek(id)
        if (file === undefined) return []
        table.take(id, `${file.name} was closed because the window reloaded or closed. Open it again.`)
        return [file]
      })
      await Promise.all(files.map(release))
    },
  }
}
