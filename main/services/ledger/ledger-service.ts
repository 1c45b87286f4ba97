import * as nodeFs from 'node:fs/promises'
import { join } from 'node:path'
import type { ParsedRequestOf, ResponseOf } from '../../../core/bridge/contract'
import { defaultLabDatabase, type LedgerState } from '../../../core/bridge/ledger'
import { ServiceError } from '../../ipc/dispatcher'
import { writeFileAtomic, type AtomicWriteFs } from '../files/atomic-write'
import { describeFsError } from '../files/describe-fs-error'
import { decodeLedger, encodeLedger } from './ledger-file'

/** The part of node:fs/promises the ledger uses; tests pass one that records the order of calls, or fails. */
export type LedgerFs = AtomicWriteFs & {
  readFile(path: string): Promise<Uint8Array>
  mkdir(path: string, options: { readonly recursive: true }): Promise<unknown>
}

export type LedgerDeps = {
  /** Main's own folder (Electron's userData): the ledger must outlive a damaged or deleted IndexedDB. */
  readonly userDataDir: string
  readonly fs?: LedgerFs
  readonly now?: () => Date
}

export type LedgerService = {
  read(): Promise<ResponseOf<'ledger.read'>>
  record(request: ParsedRequestOf<'ledger.record'>): Promise<ResponseOf<'ledger.record'>>
  switchDatabase(request: ParsedRequestOf<'ledger.switchDatabase'>): Promise<ResponseOf<'ledger.switchDatabase'>>
}

export const ledgerFileName = 'ledger.json'

const isMissing = (error: unknown) =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT'

/**
 * Main's record of the lab's database, kept outside IndexedDB: which database
 * is the lab's, the head of its audit chain and its records per table. Every
 * write is atomic and on disk (temporary file, fsync, rename, fsync of the
 * folder) before it answers, and writes run one at a time in the order they
 * arrive, so an older state never lands over a newer one.
 */
export function createLedgerService(deps: LedgerDeps): LedgerService {
  const fs = deps.fs ?? nodeFs
  const now = deps.now ?? (() => new Date())
  const path = join(deps.userDataDir, ledgerFileName)
  const about = `WWA Lab’s record of the lab’s last saved state (${path})`
  // What the file says, once read: main is the only writer, so after the first read memory is the file.
  let known: LedgerState | null | undefined
  let queue: Promise<unknown> = Promise.resolve()

  const inTurn = <T>(step: () => Promise<T>): Promise<T> => {
    const run = queue.then(step)
    queue = run.catch(() => undefined)
    return run
  }

  const load = async (): Promise<LedgerState | null> => {
    if (known !== undefined) return known
    let bytes: Uint8Array
    try {
      bytes = await fs.readFile(path)
    } catch (error) {
      if (isMissing(error)) return (known = null)
      throw new ServiceError('io-failed', `${about} could not be read: ${describeFsError(error)}.`)
    }
    const read = decodeLedger(bytes)
    // Not remembered: a file put right (restored from a backup of the folder) is read again next time.
    if (!read.trusted)
      throw new ServiceError(
        'untrusted',
        `${about} is damaged: ${read.reason}. WWA Lab cannot tell from it whether any of the lab’s data is missing. ` +
          'Nothing was changed. Restore the newest backup, or ask your lab’s administrator.',
      )
    return (known = read.state)
  }

  const write = async (request: ParsedRequestOf<'ledger.record'>): Promise<ResponseOf<'ledger.record'>> => {
    const state: LedgerState = { ...request, updatedAt: now().toISOString() }
    try {
      await fs.mkdir(deps.userDataDir, { recursive: true })
      await writeFileAtomic(path, encodeLedger(state), fs)
    } catch (error) {
      // The file on disk is the old one (or none): forget what memory held, read it again next time.
      known = undefined
      throw new ServiceError(
        'io-failed',
        `${about} could not be written: ${describeFsError(error)}. The previous record is unchanged.`,
      )
    }
    known = state
    return { updatedAt: state.updatedAt }
  }

  return {
    read: () => inTurn(load),

    record: (request) =>
      inTurn(async () => {
        const current = await load()
        const database = current?.database ?? defaultLabDatabase
        if (request.database !== database)
          throw new ServiceError(
            'invalid-request',
            `The lab’s data is the database “${database}”; WWA Lab will not record “${request.database}” in its place. ` +
              'A restored database becomes the lab’s only once the restore has checked it and switches to it.',
          )
        const before = current?.head?.seq ?? 0
        const sent = request.head?.seq ?? 0
        if (sent < before)
          throw new ServiceError(
            'out-of-order',
            `The state sent ${sent === 0 ? 'has no audit entries' : `ends at audit entry #${sent}`}, but #${before} ` +
              'is recorded already: an older state never replaces a newer one.',
          )
        return write(request)
      }),

    switchDatabase: (request) =>
      inTurn(async () => {
        // A damaged ledger must not stop a restore from naming the database that replaces it: read errors are ignored here.
        await load().catch(() => undefined)
        return write(request)
      }),
  }
}
