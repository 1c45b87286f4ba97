import { maxChunkBytes, type LabBridge, type PickedFile } from '../../../core/bridge/contract'

export type ReadProgress = { readonly read: number; readonly total: number }

export type ReadOptions = {
  /** Aborting stops between ranges; the handle is closed either way. */
  readonly signal?: AbortSignal
  readonly onProgress?: (progress: ReadProgress) => void
}

/** Why a picked file could not be read, in words for the person (main's, as it wrote them). */
export class FileReadError extends Error {
  override readonly name = 'FileReadError'
}

/**
 * The bytes of a file from `files.open`, whichever way it came: inline, or as a
 * read handle main keeps open, read a range at a time and then closed. Rejects
 * with a FileReadError that names the file (it changed, the disk failed), or
 * with the signal's reason when aborted.
 */
export async function readPickedFile(
  lab: LabBridge,
  file: PickedFile,
  options: ReadOptions = {},
): Promise<Uint8Array<ArrayBuffer>> {
  if ('bytes' in file) return file.bytes
  const { signal, onProgress } = options
  const bytes = new Uint8Array(file.size)
  try {
    for (let offset = 0; offset < file.size; offset += maxChunkBytes) {
      signal?.throwIfAborted()
      const length = Math.min(maxChunkBytes, file.size - offset)
      const reply = await lab.files.readRange({ handle: file.handle, offset, length })
      if (!reply.ok) throw new FileReadError(reply.problem.message)
      if (reply.value.bytes.byteLength !== length)
        throw new FileReadError(`${file.name} changed while it was being read. Open it again.`)
      bytes.set(reply.value.bytes, offset)
      onProgress?.({ read: offset + length, total: file.size })
    }
    signal?.throwIfAborted()
  } finally {
    await lab.files.closeRead({ handle: file.handle }).catch(() => undefined)
  }
  return bytes
}

/** Lets main close the handles of picked files that will not be read after all (a batch stopped early). */
export async function closePickedFiles(lab: LabBridge, files: readonly PickedFile[]): Promise<void> {
  await Promise.all(
    files.map((file) =>
      'handle' in file ? lab.files.closeRead({ handle: file.handle }).catch(() => undefined) : undefined,
    ),
  )
}
