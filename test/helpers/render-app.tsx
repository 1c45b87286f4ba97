import { render } from '@testing-library/react'
import type { ComponentType, ReactNode } from 'react'
import type { LabBridge } from '../../core/bridge/contract'
import { App } from '../../renderer/app/App'
import { ServicesProvider, type AppServices } from '../../renderer/app/services-context'
import { createWorkingAsStore } from '../../renderer/app/working-as-store'
import type { LabDb } from '../../renderer/storage/lab-db'
import { createRepositories } from '../../renderer/storage/repositories'
import type { BackupActions } from '../../renderer/widgets/backups/backup-actions'
import { BackupActionsProvider } from '../../renderer/widgets/backups/backup-actions-context'
import { backupActionsOver } from './backup-actions'
import { freshLabDb } from './lab-db'

/** A bridge whose every call answers like main would for a person who cancels dialogs. */
export const cancellingLab: LabBridge = {
  app: {
    info: async () => ({
      ok: true,
      value: { name: 'WWA Lab', version: '0.1.0', electron: null, chrome: null, node: '22', platform: 'linux' },
    }),
  },
  files: {
    open: async () => ({ ok: true, value: { canceled: true, files: [], rejected: [] } }),
    saveAs: async () => ({ ok: true, value: { canceled: true } }),
    beginSave: async () => ({ ok: true, value: { canceled: true } }),
    // Nothing is ever open here, so every call on a save or a read handle is answered as main answers a stale ID.
    writeChunk: async () => ({
      ok: false,
      problem: { code: 'not-open', message: 'This save is no longer under way.' },
    }),
    commitSave: async () => ({
      ok: false,
      problem: { code: 'not-open', message: 'This save is no longer under way.' },
    }),
    abortSave: async () => ({ ok: true, value: { aborted: false } }),
    readRange: async () => ({
      ok: false,
      problem: { code: 'not-open', message: 'This file is no longer open for reading. Open it again.' },
    }),
    closeRead: async () => ({ ok: true, value: { closed: false } }),
  },
  // As on a fresh install: an empty backup folder, and every dialog closed without choosing.
  backups: {
    list: async () => ({
      ok: true,
      value: { folder: '/tmp/wwa-lab/backups', generations: 7, backups: [], lastManual: null },
    }),
    begin: async () => ({ ok: true, value: { canceled: true } }),
    writeChunk: async () => ({
      ok: false,
      problem: { code: 'not-open', message: 'This backup is no longer under way.' },
    }),
    commit: async () => ({ ok: false, problem: { code: 'not-open', message: 'This backup is no longer under way.' } }),
    abort: async () => ({ ok: true, value: { aborted: false } }),
    openFile: async () => ({ ok: true, value: { canceled: true } }),
    openStored: async () => ({ ok: false, problem: { code: 'io-failed', message: 'There is no such backup.' } }),
    setGenerations: async ({ generations }) => ({ ok: true, value: { generations, pruned: [] } }),
  },
  // As on a fresh install: no ledger yet, and every state recorded.
  ledger: {
    read: async () => ({ ok: true, value: null }),
    record: async () => ({ ok: true, value: { updatedAt: new Date().toISOString() } }),
    switchDatabase: async () => ({ ok: true, value: { updatedAt: new Date().toISOString() } }),
  },
  // Nothing left by an earlier window; every entry kept.
  journal: {
    read: async () => ({ ok: true, value: { entries: [], damaged: null } }),
    write: async ({ puts }) => ({ ok: true, value: { entries: puts.length } }),
  },
}

type RenderAppOptions = Partial<AppServices> & {
  readonly db?: LabDb
  /** Wraps the app, e.g. in a provider that swaps a Web Worker for a stand-in happy-dom can run. */
  readonly wrapper?: ComponentType<{ children: ReactNode }>
  /** What Settings → Backups uses; over this database and the services' bridge unless given. */
  readonly backups?: BackupActions
}

/** Renders the whole app at a hash address over a fresh in-memory database. */
export function renderApp(hash: string, over: RenderAppOptions = {}) {
  const { db = freshLabDb(), wrapper, backups, ...rest } = over
  const workingAs = over.workingAs ?? createWorkingAsStore()
  const services: AppServices = {
    repos: createRepositories(db, {
      probeImage: () => Promise.reject(new Error('no image decoding in happy-dom')),
      actor: workingAs.current,
    }),
    workingAs,
    lab: cancellingLab,
    persistence: 'not-persisted',
    ...rest,
  }
  window.location.hash = hash
  const view = render(
    <ServicesProvider services={services}>
      <BackupActionsProvider
        actions={backups ?? backupActionsOver(db, services.lab, db._options.indexedDB as IDBFactory)}
      >
        <App />
      </BackupActionsProvider>
    </ServicesProvider>,
    wrapper ? { wrapper } : undefined,
  )
  return { ...view, db, services }
}
