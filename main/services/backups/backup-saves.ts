import { createHash } from 'node:crypto'
import * as nodeFs from 'node:fs/promises'
import { basename } from 'node:path'
import type { z } from 'zod'
import type { CommitBackupRequest, WriteBackupChunkRequest } from '../../../core/bridge/backups'
import { ServiceError } from '../../ipc/dispatcher'
import { openAtomicFile, type AtomicFile, type AtomicWriteFs } from '../files/atomic-write'
import type { SaveJournal } from '../files/save-journal'
import { describeFsError } from '../files/describe-fs-error'
import { createTransferTable } from '../files/transfer-table'
import { durationInWords, twoSizes } from '../files/transfer-words'

type Session = {
  readonly name: string
  readonly path: string
  readonly file: AtomicFile
  written: number
  chunks: number
  writing: boolean
}

export type BackupSaveLimits = { readonly maxOpen: number; readonly idleMs: number }
// Two: an automatic and a manual backup may overlap; more is a page in a loop.
export const defaultBackupSaveLimits: BackupSaveLimits = { maxOpen: 2, idleMs: 2 * 60_000 }

const unchanged = 'Nothing was saved and the previous file, if any, is unchanged.'

/**
 * Backups arriving in chunks, written atomically (openAtomicFile) to a path
 * main already chose. Like files.writeChunk, but each chunk carries its own
 * SHA-256, which main checks before writing it, so every byte on disk is
 * checked without a running hash in the renderer. Commit renames the
 * temporary file over the target only when size and number of chunks match.
 */
export function createBackupSaves(
  options: { fs?: AtomicWriteFs; journal?: SaveJournal; limits?: Partial<BackupSaveLimits> } = {},
) {
  const { maxOpen, idleMs } = { ...defaultBackupSaveLimits, ...options.limits }
  const fs = options.fs ?? nodeFs
  const discarding = new Set<Promise<void>>()
  const discard = (session: Session) => {
    const done: Promise<void> = session.file.discard().finally(() => discarding.delete(done))
    discarding.add(done)
    return done
  }
  const table = createTransferTable<Session>({
    idleMs,
    idleMessage: (session) =>
      `The backup ${session.name} was stopped because no data arrived for ${durationInWords(idleMs)}. ${unchanged} Back up again.`,
    onIdle: (session) => void discard(session),
    unknownMessage: `This backup is no longer under way: it finished, was cancelled, or was stopped when the window reloaded. ${unchanged}`,
  })
  const refuse = async (
    saveId: string,
    session: Session,
    code: 'mismatch' | 'out-of-order' | 'io-failed',
    message: string,
  ) => {
    table.take(saveId, message)
    await discard(session)
    throw new ServiceError(code, message)
  }

  return {
    get hasRoom() {
      return table.size < maxOpen
    },

    /** Starts writing path; throws a ServiceError naming the file if its temporary file cannot be made. */
    async begin(path: string): Promise<{ saveId: string; name: string; path: string }> {
      const name = basename(path)
      if (table.size >= maxOpen) {
        throw new ServiceError(
          'too-many',
          `Could not start the backup ${name}: ${maxOpen} backups are already under way. Let one finish first.`,
        )
      }
      let file: AtomicFile
      try {
        file = await openAtomicFile(path, fs, options.journal)
      } catch (error) {
        throw new ServiceError(
          'io-failed',
          `Could not write the backup ${name}: ${describeFsError(error)}. ${unchanged}`,
        )
      }
      const saveId = table.add({ name, path, file, written: 0, chunks: 0, writing: false })
      return { saveId, name, path }
    },

    async write({ saveId, offset, sha256, bytes }: z.output<typeof WriteBackupChunkRequest>) {
      const session = table.get(saveId)
      if (session.writing || offset !== session.written) {
        return refuse(
          saveId,
          session,
          'out-of-order',
          `Could not write the backup ${session.name}: a piece arrived out of order. ${unchanged} Back up again.`,
        )
      }
      if (createHash('sha256').update(bytes).digest('hex') !== sha256) {
        return refuse(
          saveId,
          session,
          'mismatch',
          `Could not write the backup ${session.name}: a piece arrived damaged (its SHA-256 does not match). ${unchanged} Back up again.`,
        )
      }
      session.writing = true
      table.touch(saveId)
      try {
        await session.file.write(bytes)
      } catch (error) {
        if (table.peek(saveId) !== session) throw table.refusal(saveId)
        return refuse(
          saveId,
          session,
          'io-failed',
          `Could not write the backup ${session.name}: ${describeFsError(error)}. ${unchanged} Free some space on the disk, then back up again.`,
        )
      } finally {
        session.writing = false
      }
      if (table.peek(saveId) !== session) throw table.refusal(saveId)
      session.written += bytes.byteLength
      session.chunks += 1
      table.touch(saveId)
      return { written: session.written }
    },

    /** Renames the finished file into place and returns it; the caller prunes or records it after. */
    async commit({
      saveId,
      size,
      chunks,
    }: z.output<typeof CommitBackupRequest>): Promise<{ name: string; path: string; size: number }> {
      const session = table.get(saveId)
      if (session.writing)
        return refuse(
          saveId,
          session,
          'out-of-order',
          `Could not write the backup ${session.name}: it was finished before its last piece was written. ${unchanged}`,
        )
      if (size !== session.written || chunks !== session.chunks) {
        const [received, said] = twoSizes(session.written, size)
        return refuse(
          saveId,
          session,
          'mismatch',
          `Could not write the backup ${session.name}: ${received} arrived, but the backup should be ${said}. ${unchanged} Back up again.`,
        )
      }
      table.take(saveId, `${session.name} is already written; this backup is finished.`)
      try {
        await session.file.commit()
      } catch (error) {
        const message = `Could not write the backup ${session.name}: ${describeFsError(error)}. ${unchanged}`
        table.remember(saveId, message)
        throw new ServiceError('io-failed', message)
      }
      return { name: session.name, path: session.path, size: session.written }
    },

    async abort(saveId: string) {
      const session = table.peek(saveId)
      if (session === undefined) return { aborted: false }
      table.take(saveId, `The backup ${session.name} was cancelled. ${unchanged}`)
      await discard(session)
      return { aborted: true }
    },

    async abortAll() {
      for (const saveId of table.ids()) {
        const session = table.take(saveId, `The backup was stopped because the window reloaded or closed. ${unchanged}`)
        if (session) void discard(session)
      }
      await Promise.all([...discarding])
    },
  }
}
export type BackupSaves = ReturnType<typeof createBackupSaves>
