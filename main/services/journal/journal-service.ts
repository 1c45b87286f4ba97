import * as nodeFs from 'node:fs/promises'
import { join } from 'node:path'
import type { ParsedRequestOf, ResponseOf } from '../../../core/bridge/contract'
import { maxJournalChars, maxJournalEntries } from '../../../core/bridge/journal'
import { ServiceError } from '../../ipc/dispatcher'
import { writeFileAtomic, type AtomicWriteFs } from '../files/atomic-write'
import { describeFsError } from '../files/describe-fs-error'
import type { SaveJournal } from '../files/save-journal'
import { decodeJournal, encodeJournal } from './journal-file'

/** The part of node:fs/promises the journal uses; tests pass one that counts syncs, or fails. */
export type JournalFs = AtomicWriteFs & {
  readFile(path: string): Promise<Uint8Array>
  mkdir(path: string, options: { readonly recursive: true }): Promise<unknown>
}

export type JournalDeps = {
  /** Main's own folder (Electron's userData): the journal must outlive a killed window. */
  readonly userDataDir: string
  readonly fs?: JournalFs
  /** Records the temporary files of the atomic writes, so a start after a kill removes them. */
  readonly saves?: SaveJournal
  readonly now?: () => Date
}

export type JournalService = {
  read(): Promise<ResponseOf<'journal.read'>>
  write(request: ParsedRequestOf<'journal.write'>): Promise<ResponseOf<'journal.write'>>
}

export const journalFileName = 'pending-entries.json'

const isMissing = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT'

/**
 * The window's changes on their way to IndexedDB, kept by main in a file of
 * its own: a verdict or a keystroke is sent here the moment it is made, before
 * its database write even starts, so a window killed before that write
 * committed leaves it here to be stored on the next start. Calls apply in the
 * order they arrive; each answers once a file holding it is on disk (temporary
 * file, fsync, rename). Calls that arrive while a file is being written share
 * the next one, so a fast typist costs one write at a time, not one per key.
 */
export function createJournalService(deps: JournalDeps): JournalService {
  const fs = deps.fs ?? nodeFs
  const now = deps.now ?? (() => new Date())
  const path = join(deps.userDataDir, journalFileName)
  const about = `WWA Lab’s journal of entries not yet stored (${path})`
  let entries = new Map<string, string>()
  let damaged: string | null = null
  let loading: Promise<void> | undefined
  // Each change to the entries is a generation; a file written holds every generation up to the one it was made at.
  let generation = 0
  let written = 0
  let writing: Promise<void> | undefined

  const loadOnce = async () => {
    await fs.mkdir(deps.userDataDir, { recursive: true })
    let bytes: Uint8Array
    try {
      bytes = await fs.readFile(path)
    } catch (error) {
      if (isMissing(error)) return
      throw error
    }
    const read = decodeJournal(bytes)
    if (read.readable) {
      entries = read.entries
      return
    }
    // Set aside, never deleted: someone may still read it by hand. The next write starts a fresh file.
    const aside = join(deps.userDataDir, `pending-entries.damaged-${now().toISOString().replace(/[:.]/g, '-')}.json`)
    await fs.rename(path, aside)
    damaged = `${about} could not be read (${read.reason}); it was set aside as ${aside}`
  }

  /** Every call waits for the same first read, so calls still apply in the order they arrived. */
  const loaded = () => {
    loading ??= loadOnce().catch((error: unknown) => {
      loading = undefined
      throw new ServiceError('io-failed', `${about} could not be read: ${describeFsError(error)}.`)
    })
    return loading
  }

  const writeFile = async () => {
    const target = generation
    await writeFileAtomic(path, encodeJournal(entries), fs, deps.saves)
    written = Math.max(written, target)
  }

  /** Resolves once a file holding generation `wanted` is on disk. */
  const onDisk = async (wanted: number) => {
    while (written < wanted) {
      writing ??= writeFile().finally(() => {
        writing = undefined
      })
      try {
        await writing
      } catch (error) {
        throw new ServiceError(
          'io-failed',
          `${about} could not be written: ${describeFsError(error)}. What is on screen is still being stored in the database.`,
        )
      }
    }
  }

  return {
    async read() {
      await loaded()
      return { entries: [...entries].map(([key, value]) => ({ key, value })), damaged }
    },
    async write(request) {
      await loaded()
      const added = request.puts.filter((p) => !entries.has(p.key)).length
      if (entries.size + added > maxJournalEntries)
        throw new ServiceError(
          'too-many',
          `${about} already holds ${entries.size} entries, the most it keeps; nothing was added. ` +
            'Changes are still stored in the database as usual.',
        )
      const next = new Map(entries)
      for (const { key, value } of request.puts) next.set(key, value)
      for (const key of request.drops) next.delete(key)
      let chars = 0
      for (const [key, value] of next) chars += key.length + value.length
      if (chars > maxJournalChars)
        throw new ServiceError(
          'too-large',
          `${about} would hold ${chars.toLocaleString('en-US')} characters, more than the ${maxJournalChars.toLocaleString('en-US')} it keeps; ` +
            'nothing was added. Changes are still stored in the database as usual.',
        )
      entries = next
      generation += 1
      await onDisk(generation)
      return { entries: entries.size }
    },
  }
}
