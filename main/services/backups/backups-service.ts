import * as fs from 'node:fs/promises'
import { join } from 'node:path'
import { backupFileFilters } from '../../../core/bridge/backups'
import type { Channel } from '../../../core/bridge/channels'
import type { ParsedRequestOf, ResponseOf } from '../../../core/bridge/contract'
import { ServiceError } from '../../ipc/dispatcher'
import type { AtomicWriteFs } from '../files/atomic-write'
import { describeFsError } from '../files/describe-fs-error'
import type { Dialogs } from '../files/dialogs'
import { plainFileName } from '../files/files'
import type { ReadHandles } from '../files/read-handles'
import { describeBackup, listBackups, pruneBackups } from './backup-folder'
import { automaticBackupName } from './backup-names'
import type { SaveJournal } from '../files/save-journal'
import { createBackupSaves, type BackupSaveLimits } from './backup-saves'
import { createBackupState } from './backup-state'

export type BackupServiceDeps = {
  readonly dialogs: Dialogs
  /** Main's own folder; backups go to its backups/ folder, the settings beside them. */
  readonly userDataDir: string
  /** The read handles files.readRange serves: an opened backup is read through them. */
  readonly reads: ReadHandles
  readonly fs?: AtomicWriteFs
  /** Notes each temporary backup file before it exists, so a kill mid-backup leaves nothing at the next start. */
  readonly journal?: SaveJournal
  readonly limits?: Partial<BackupSaveLimits>
}

type Handler<C extends Channel> = (request: ParsedRequestOf<C>) => Promise<ResponseOf<C>>

/**
 * The backups group: automatic backups into <userDataDir>/backups/ under names
 * main chooses, manual ones to a file the person picks, pruning to the chosen
 * number of generations after each good automatic backup, and opening a backup
 * (picked or from the folder) as a read handle for files.readRange.
 */
export function createBackupService(deps: BackupServiceDeps) {
  const folder = join(deps.userDataDir, 'backups')
  const state = createBackupState(join(deps.userDataDir, 'backup-settings.json'))
  const saves = createBackupSaves({ fs: deps.fs, journal: deps.journal, limits: deps.limits })
  // Which saves go into the folder (pruned after) and which to a picked file (noted as the last manual backup).
  const kinds = new Map<string, { readonly automatic: boolean; readonly createdAt: string }>()

  const keepForReading = async (path: string, name: string) => {
    if (!deps.reads.hasRoom)
      throw new ServiceError(
        'too-many',
        `Could not open ${name}: too many files are open for reading. Close some, then try again.`,
      )
    let handle: fs.FileHandle
    try {
      handle = await fs.open(path, 'r')
    } catch (error) {
      throw new ServiceError('io-failed', `Could not open the backup ${name}: ${describeFsError(error)}.`)
    }
    const info = await handle.stat()
    if (!info.isFile()) {
      await handle.close()
      throw new ServiceError('invalid-request', `${name} is not a file.`)
    }
    const id = deps.reads.keep({ name, size: info.size, mtimeMs: info.mtimeMs, handle })
    return { name, size: info.size, handle: id }
  }

  const list: Handler<'backups.list'> = async () => {
    const [backups, current] = await Promise.all([listBackups(folder), state.read()])
    return { folder, generations: current.generations, backups, lastManual: current.lastManual }
  }

  const begin: Handler<'backups.begin'> = async (request) => {
    let path: string
    if (request.target === 'folder') {
      await fs.mkdir(folder, { recursive: true }).catch((error: unknown) => {
        throw new ServiceError('io-failed', `Could not make the backup folder ${folder}: ${describeFsError(error)}.`)
      })
      path = join(folder, automaticBackupName(new Date(request.createdAt), request.reason))
    } else {
      const chosen = await deps.dialogs.pickSavePath({
        title: 'Back up the lab’s data',
        suggestedName: plainFileName(request.suggestedName),
        filters: backupFileFilters,
      })
      if (chosen === undefined || chosen === '') return { canceled: true }
      path = chosen
    }
    const begun = await saves.begin(path)
    kinds.set(begun.saveId, { automatic: request.target === 'folder', createdAt: request.createdAt })
    return { canceled: false, ...begun }
  }

  const commit: Handler<'backups.commit'> = async (request) => {
    const kind = kinds.get(request.saveId)
    const written = await saves.commit(request)
    kinds.delete(request.saveId)
    if (kind?.automatic !== true) {
      const { name, path, size } = written
      await state.update((s) => ({
        ...s,
        lastManual: { name, path, size, createdAt: kind?.createdAt ?? new Date().toISOString() },
      }))
      return { ...written, pruned: [] }
    }
    // Pruned only once the new backup reads back as a good one: a broken write never costs an old generation.
    const check = await describeBackup(folder, written.name)
    if (check.problem !== null) {
      throw new ServiceError(
        'mismatch',
        `The backup ${written.name} was written but does not read back as a backup (${check.problem}). No older backup was removed.`,
      )
    }
    const { generations } = await state.read()
    return { ...written, pruned: await pruneBackups(folder, generations) }
  }

  return {
    list,
    begin,
    write: (request: ParsedRequestOf<'backups.writeChunk'>) => saves.write(request),
    commit,
    async abort(request: ParsedRequestOf<'backups.abort'>): Promise<ResponseOf<'backups.abort'>> {
      kinds.delete(request.saveId)
      return saves.abort(request.saveId)
    },
    async openFile(request: ParsedRequestOf<'backups.openFile'>): Promise<ResponseOf<'backups.openFile'>> {
      const [path] = await deps.dialogs.pickFilesToOpen({
        title: request.title ?? 'Restore the lab’s data from a backup',
        filters: backupFileFilters,
        multiple: false,
      })
      if (path === undefined) return { canceled: true }
      return { canceled: false, file: await keepForReading(path, path.split(/[\\/]/).pop() ?? path) }
    },
    async openStored({ name }: ParsedRequestOf<'backups.openStored'>): Promise<ResponseOf<'backups.openStored'>> {
      if (plainFileName(name) !== name || !name.endsWith('.zip')) {
        throw new ServiceError('invalid-request', `${name} is not the name of a backup in the backup folder.`)
      }
      return keepForReading(join(folder, name), name)
    },
    async setGenerations({
      generations,
    }: ParsedRequestOf<'backups.setGenerations'>): Promise<ResponseOf<'backups.setGenerations'>> {
      await state.update((s) => ({ ...s, generations }))
      return { generations, pruned: await pruneBackups(folder, generations) }
    },
    abortAll: () => saves.abortAll(),
  }
}

export type BackupService = ReturnType<typeof createBackupService>
