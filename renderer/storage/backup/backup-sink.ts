import type { BackupReason } from '../../../core/backup/manifest'
import { maxChunkBytes, type LabBridge } from '../../../core/bridge/contract'
import { digestSha256Hex } from '../../../core/crypto/digest'
import { BackupError } from './backup-error'

export type BackupTarget =
  | { readonly target: 'folder'; readonly reason: Exclude<BackupReason, 'manual'> }
  | { readonly target: 'file'; readonly suggestedName: string }

export type WrittenBackup = {
  readonly name: string
  readonly path: string
  readonly size: number
  readonly pruned: readonly string[]
}

/** Where a backup's bytes go: main's backups.* save session, a chunk at a time with each chunk's SHA-256. */
export type BackupSink = {
  readonly name: string
  write(bytes: Uint8Array): Promise<void>
  commit(): Promise<WrittenBackup>
  abort(): Promise<void>
}

/**
 * Starts a backup file in main: into its backup folder, or where the person
 * picks (null when they close the dialog). Bytes are gathered into chunks of
 * the contract's size and each is sent with its SHA-256, one at a time, so at
 * most one chunk waits in the renderer and one is in flight to main.
 */
export async function beginBackupSink(
  lab: LabBridge,
  target: BackupTarget,
  createdAt: string,
): Promise<BackupSink | null> {
  const begun = await lab.backups.begin({ ...target, createdAt })
  if (!begun.ok) throw new BackupError(begun.problem.message)
  if (begun.value.canceled) return null
  const { saveId, name } = begun.value
  let pending: Uint8Array[] = []
  let pendingBytes = 0
  let written = 0
  let chunks = 0

  const send = async (bytes: Uint8Array<ArrayBuffer>) => {
    const reply = await lab.backups.writeChunk({ saveId, offset: written, sha256: await digestSha256Hex(bytes), bytes })
    if (!reply.ok) throw new BackupError(reply.problem.message)
    written = reply.value.written
    chunks += 1
  }
  const takeChunk = (length: number): Uint8Array<ArrayBuffer> => {
    const chunk = new Uint8Array(length)
    let filled = 0
    while (filled < length) {
      const head = pending[0]!
      const used = Math.min(head.byteLength, length - filled)
      chunk.set(head.subarray(0, used), filled)
      filled += used
      if (used === head.byteLength) pending.shift()
      else pending[0] = head.subarray(used)
    }
    pendingBytes -= length
    return chunk
  }

  return {
    name,
    async write(bytes) {
      if (bytes.byteLength === 0) return
      pending.push(bytes)
      pendingBytes += bytes.byteLength
      while (pendingBytes >= maxChunkBytes) await send(takeChunk(maxChunkBytes))
    },
    async commit() {
      if (pendingBytes > 0) await send(takeChunk(pendingBytes))
      const reply = await lab.backups.commit({ saveId, size: written, chunks })
      if (!reply.ok) throw new BackupError(reply.problem.message)
      return reply.value
    },
    async abort() {
      pending = []
      await lab.backups.abort({ saveId }).catch(() => undefined)
    },
  }
}
