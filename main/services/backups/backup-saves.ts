import { createHash } from 'node:crypto'
import * as nodeFs from 'node:fs/promises'
import { basename } from 'node:path'
import { crc32 } from 'node:zlib'
import type { z } from 'zod'
import {
  BackupWriteError,
  createBackupFileWriter,
  type BackupFileWriter,
  type BackupFileWriterDeps,
} from '../../../core/backup/backup-file-writer'
import type { BackupManifest } from '../../../core/backup/manifest'
import type { CommitBackupRequest, WriteBackupChunkRequest } from '../../../core/bridge/backups'
import { ServiceError } from '../../ipc/dispatcher'
import { openAtomicFile, type AtomicFile, type AtomicWriteFs } from '../files/atomic-write'
import type { SaveJournal } from '../files/save-journal'
import { describeFsError } from '../files/describe-fs-error'
import { createTransferTable } from '../files/transfer-table'
import { durationInWords } from '../files/transfer-words'

type Session = {
  readonly name: string
  readonly path: string
  readonly file: AtomicFile
  readonly zip: BackupFileWriter
  writing: boolean
}

// Native hashing and CRC: main checks and frames every byte at the speed of the disk, not of JavaScript.
const nativeDigests: Omit<BackupFileWriterDeps, 'write'> = {
  crc32: (bytes, value) => crc32(bytes, value),
  sha256Hex: (bytes) => createHash('sha256').update(bytes).digest('hex'),
  createSha256: () => {
    const hash = createHash('sha256')
    return { update: (bytes) => void hash.update(bytes), hex: () => hash.digest('hex') }
  },
}

export type BackupSaveLimits = { readonly maxOpen: number; readonly idleMs: number }
// Two: an automatic and a manual backup may overlap; more is a page in a loop.
export const defaultBackupSaveLimits: BackupSaveLimits = { maxOpen: 2, idleMs: 2 * 60_000 }

const unchanged = 'Nothing was saved and the previous file, if any, is unchanged.'

/**
 * Backups arriving part by part, written atomically (openAtomicFile) to a path
 * main already chose. Each chunk carries its own SHA-256, which main checks
 * before writing it; main frames the zip itself (core's backup-file-writer:
 * CRC-32 and each part's SHA-256 from the bytes it received, natively), so the
 * renderer never hashes a byte twice nor runs a CRC in JavaScript. Commit
 * writes the manifest of the parts as written and renames the temporary file
 * over the target only when every part arrived whole.
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
    code: 'mismatch' | 'out-of-order' | 'io-failed' | 'invalid-request' | 'too-large',
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
      const zip = createBackupFileWriter(name, { ...nativeDigests, write: (bytes) => file.write(bytes) })
      const saveId = table.add({ name, path, file, zip, writing: false })
      return { saveId, name, path }
    },

    async write(request: z.output<typeof WriteBackupChunkRequest>) {
      const { saveId, ...chunk } = request
      const session = table.get(saveId)
      if (session.writing) {
        return refuse(
          saveId,
          session,
          'out-of-order',
          `Could not write the backup ${session.name}: a piece arrived before the one before it was written. ${unchanged} Back up again.`,
        )
      }
      session.writing = true
      table.touch(saveId)
      let written: number
      try {
        written = await session.zip.writeChunk(chunk)
      } catch (error) {
        if (table.peek(saveId) !== session) throw table.refusal(saveId)
        if (error instanceof BackupWriteError)
          return refuse(saveId, session, error.refusal.code, `${error.message} ${unchanged} Back up again.`)
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
      table.touch(saveId)
      return { written }
    },

    /** Writes the manifest and directory, renames the finished file into place and returns it; the caller prunes or records it after. */
    async commit({ saveId, manifest: head }: z.output<typeof CommitBackupRequest>): Promise<{
      name: string
      path: string
      size: number
      manifest: BackupManifest
    }> {
      const session = table.get(saveId)
      if (session.writing)
        return refuse(
          saveId,
          session,
          'out-of-order',
          `Could not write the backup ${session.name}: it was finished before its last piece was written. ${unchanged}`,
        )
      session.writing = true
      let finished: { manifest: BackupManifest; size: number }
      try {
        finished = await session.zip.finish(head)
      } catch (error) {
        session.writing = false
        if (table.peek(saveId) !== session) throw table.refusal(saveId)
        if (error instanceof BackupWriteError)
          return refuse(saveId, session, error.refusal.code, `${error.message} ${unchanged}`)
        return refuse(
          saveId,
          session,
          'io-failed',
          `Could not write the backup ${session.name}: ${describeFsError(error)}. ${unchanged}`,
        )
      }
      session.writing = false
      if (table.peek(saveId) !== session) throw table.refusal(saveId)
      table.take(saveId, `${session.name} is already written; this backup is finished.`)
      try {
        await session.file.commit()
      } catch (error) {
        const message = `Could not write the backup ${session.name}: ${describeFsError(error)}. ${unchanged}`
        table.remember(saveId, message)
        throw new ServiceError('io-failed', message)
      }
      return { name: session.name, path: session.path, size: finished.size, manifest: finished.manifest }
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
