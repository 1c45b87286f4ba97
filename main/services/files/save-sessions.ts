import { createHash, type Hash } from 'node:crypto'
import * as nodeFs from 'node:fs/promises'
import { basename } from 'node:path'
import type { ParsedRequestOf, ResponseOf } from '../../../core/bridge/contract'
import { ServiceError } from '../../ipc/dispatcher'
import { openAtomicFile, type AtomicFile, type AtomicWriteFs } from './atomic-write'
import { describeFsError } from './describe-fs-error'
import type { Dialogs } from './dialogs'
import { plainFileName } from './files'
import type { SaveJournal } from './save-journal'
import { chooseSaveTarget } from './save-target'
import { createTransferTable } from './transfer-table'
import { durationInWords, twoSizes } from './transfer-words'

export type SaveLimits = {
  /** Most saves under way at once, dialogs still open included. */
  readonly maxOpen: number
  /** A save that receives nothing for this long is abandoned and its temporary file removed. */
  readonly idleMs: number
}

// Four: a packet, a backup and an export can run side by side with room to
// spare, while a page stuck in a loop cannot fill the disk with temporary files.
// Two minutes: a chunk is a few milliseconds of work; a page silent that long has stopped.
export const defaultSaveLimits: SaveLimits = { maxOpen: 4, idleMs: 2 * 60_000 }

export type SaveSessionDeps = {
  readonly dialogs: Dialogs
  readonly fs?: AtomicWriteFs
  readonly limits?: Partial<SaveLimits>
  /** Where temporary files are recorded until they are gone, so the next start removes any a kill left. */
  readonly journal?: SaveJournal
}

export type SaveSessions = {
  begin(request: ParsedRequestOf<'files.beginSave'>): Promise<ResponseOf<'files.beginSave'>>
  write(request: ParsedRequestOf<'files.writeChunk'>): Promise<ResponseOf<'files.writeChunk'>>
  commit(request: ParsedRequestOf<'files.commitSave'>): Promise<ResponseOf<'files.commitSave'>>
  abort(request: ParsedRequestOf<'files.abortSave'>): Promise<ResponseOf<'files.abortSave'>>
  /** Aborts every save under way: the page that was sending them is gone. */
  abortAll(): Promise<void>
}

type Session = {
  readonly name: string
  readonly path: string
  readonly file: AtomicFile
  readonly hash: Hash
  written: number
  writing: boolean
}

const unchanged = 'Nothing was saved and the previous file, if any, is unchanged.'

/**
 * Saves that arrive in chunks: the person picks the path, the renderer sends the
 * file in order, a piece at a time, and commits with the SHA-256 of the whole.
 * Main writes each piece to a temporary file beside the target and hashes it
 * as it goes, so it never holds more than one piece; commit renames the
 * temporary file over the target only if size and hash match. Any other
 * ending (a refusal, a failed write, an abort, silence, a reload) removes the
 * temporary file and leaves the old file as it was.
 */
export function createSaveSessions(deps: SaveSessionDeps): SaveSessions {
  const { maxOpen, idleMs } = { ...defaultSaveLimits, ...deps.limits }
  const fs = deps.fs ?? nodeFs
  let choosing = 0
  // Discards still removing their temporary files, so abortAll can wait for every one, not only its own.
  const discarding = new Set<Promise<void>>()
  const discard = (session: Session): Promise<void> => {
    const done: Promise<void> = session.file.discard().finally(() => discarding.delete(done))
    discarding.add(done)
    return done
  }

  const table = createTransferTable<Session>({
    idleMs,
    idleMessage: (session) =>
      `The save of ${session.name} was stopped because no data arrived for ${durationInWords(idleMs)}. ${unchanged} Save it again.`,
    onIdle: (session) => void discard(session),
    unknownMessage: `This save is no longer under way: it finished, was cancelled, or was stopped when the window reloaded. ${unchanged}`,
  })

  /** Ends a save with a refusal: the temporary file goes, and the ID is refused from then on with the same words. */
  const refuse = async (saveId: string, session: Session, error: ServiceError): Promise<never> => {
    table.take(saveId, error.message)
    await discard(session)
    throw error
  }

  return {
    async begin(request) {
      const suggestedName = plainFileName(request.suggestedName)
      if (table.size + choosing >= maxOpen) {
        throw new ServiceError(
          'too-many',
          `Could not start saving ${suggestedName}: ${maxOpen} saves are already under way. Let one of them finish, then save again.`,
        )
      }
      // Counted from the dialog on, so saves started while it is open cannot pass the limit.
      choosing += 1
      try {
        const path = await deps.dialogs.pickSavePath({ title: request.title, suggestedName, filters: request.filters })
        if (path === undefined || path === '') return { canceled: true }
        const name = basename(path)
        const target = await chooseSaveTarget(path, deps.dialogs)
        if (target === undefined) return { canceled: true }
        let file: AtomicFile
        try {
          file = await openAtomicFile(target.replaced, fs, deps.journal)
        } catch (error) {
          throw new ServiceError(
            'io-failed',
            `Could not save ${name}: ${describeFsError(error)}. ${unchanged} ${remedyFor(error)}`,
          )
        }
        const saveId = table.add({ name, path, file, hash: createHash('sha256'), written: 0, writing: false })
        return { canceled: false, saveId, path, name }
      } finally {
        choosing -= 1
      }
    },

    async write({ saveId, offset, bytes }) {
      const session = table.get(saveId)
      const { name } = session
      if (session.writing) {
        return refuse(saveId, session, outOfOrder(name, 'a piece arrived before the one before it was written'))
      }
      if (offset !== session.written) {
        const what = `a piece arrived for byte ${offset.toLocaleString('en-US')} when ${session.written.toLocaleString('en-US')} bytes had been written`
        return refuse(saveId, session, outOfOrder(name, what))
      }
      session.writing = true
      table.touch(saveId)
      try {
        await session.file.write(bytes)
      } catch (error) {
        // An abort or the idle clock may have ended the save meanwhile; its words stand then.
        if (table.peek(saveId) !== session) throw table.refusal(saveId)
        return refuse(
          saveId,
          session,
          new ServiceError(
            'io-failed',
            `Could not save ${name}: ${describeFsError(error)}. ${unchanged} ${remedyFor(error)}`,
          ),
        )
      } finally {
        session.writing = false
      }
      if (table.peek(saveId) !== session) throw table.refusal(saveId)
      session.hash.update(bytes)
      session.written += bytes.byteLength
      table.touch(saveId)
      return { written: session.written }
    },

    async commit({ saveId, size, sha256 }) {
      const session = table.get(saveId)
      const { name, path, written } = session
      if (session.writing)
        return refuse(saveId, session, outOfOrder(name, 'the save was finished before its last piece was written'))
      if (size !== written) {
        const [received, said] = twoSizes(written, size)
        const message = `Could not save ${name}: ${received} of it arrived to be written, but the file should be ${said}. ${unchanged} Save it again.`
        return refuse(saveId, session, new ServiceError('mismatch', message))
      }
      const digest = session.hash.digest('hex')
      if (digest !== sha256) {
        const message = `Could not save ${name}: what reached the disk differs from what the app sent (their SHA-256 do not match), so the file would be damaged. ${unchanged} Save it again.`
        return refuse(saveId, session, new ServiceError('mismatch', message))
      }
      table.take(saveId, `${name} is already saved; this save is finished.`)
      try {
        await session.file.commit()
      } catch (error) {
        const failure = new ServiceError(
          'io-failed',
          `Could not save ${name}: ${describeFsError(error)}. ${unchanged} ${remedyFor(error)}`,
        )
        table.remember(saveId, failure.message)
        throw failure
      }
      return { path, name, size: written, sha256: digest }
    },

    async abort({ saveId }) {
      const session = table.peek(saveId)
      if (session === undefined) return { aborted: false }
      table.take(saveId, `The save of ${session.name} was cancelled. ${unchanged}`)
      await discard(session)
      return { aborted: true }
    },

    async abortAll() {
      const sessions = table.ids().flatMap((saveId) => {
        const session = table.peek(saveId)
        if (session === undefined) return []
        table.take(
          saveId,
          `The save of ${session.name} was stopped because the window reloaded or closed. ${unchanged} Save it again.`,
        )
        return [session]
      })
      sessions.forEach(discard)
      await Promise.all([...discarding])
    },
  }
}

const outOfOrder = (name: string, what: string) =>
  new ServiceError(
    'out-of-order',
    `Could not save ${name}: ${what}, so the file would be out of order. ${unchanged} Save it again.`,
  )

function remedyFor(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : ''
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'Free some space on the disk, then save again.'
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return 'Save it to another folder, or close the program that has the file open.'
  return 'Save it again, perhaps to another folder.'
}
