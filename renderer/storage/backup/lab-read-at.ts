import type { ReadAt } from '../../../core/backup/zip-directory'
import { maxChunkBytes, type LabBridge } from '../../../core/bridge/contract'
import { BackupError } from './backup-error'

/** Reads a backup main keeps open, by files.readRange in pieces of at most the contract's chunk size. */
export function labReadAt(lab: LabBridge, handle: string, size: number): ReadAt {
  return async (offset, length) => {
    const end = Math.min(size, offset + length)
    if (end - offset > 0 && end - offset <= maxChunkBytes) {
      // One read: main's bytes as they arrived, not copied into a buffer of our own.
      const reply = await lab.files.readRange({ handle, offset, length: end - offset })
      if (!reply.ok) throw new BackupError(reply.problem.message)
      return reply.value.bytes as Uint8Array<ArrayBuffer>
    }
    const bytes = new Uint8Array(Math.max(0, end - offset))
    for (let at = offset; at < end; at += maxChunkBytes) {
      const piece = Math.min(maxChunkBytes, end - at)
      const reply = await lab.files.readRange({ handle, offset: at, length: piece })
      if (!reply.ok) throw new BackupError(reply.problem.message)
      bytes.set(reply.value.bytes, at - offset)
    }
    return bytes
  }
}
