import type { ListBackupsResponse } from '../../core/bridge/backups'
import type { Outcome } from '../../core/outcome'
import type { BackupFailure } from '../storage/backup/backup-error'
import { dailyMs } from '../widgets/backups/backup-age'
import { newestGoodBackup } from '../widgets/backups/backup-words'

export type AutomaticBackupStatus =
  { readonly state: 'idle' } | { readonly state: 'writing' } | { readonly state: 'failed'; readonly message: string }

export type AutomaticBackupDeps = {
  readonly list: () => Promise<Outcome<ListBackupsResponse, BackupFailure>>
  /** Writes one automatic backup, reason 'daily', into main's folder. */
  readonly backUpDaily: () => Promise<Outcome<unknown, BackupFailure>>
  readonly now: () => Date
  readonly setInterval: (run: () => void, ms: number) => unknown
  readonly clearInterval: (timer: unknown) => void
  /** How often it looks whether a day has passed; an hour unless given. */
  readonly checkEveryMs?: number
}

/**
 * Daily automatic backups while the app is used: a look at start and then every
 * hour; when the newest good automatic backup is a day old (or there is none),
 * one is written in the background. Never two at once. A failure stays in
 * status() until dismissed or the next backup succeeds, so it is never swallowed.
 */
export function createAutomaticBackups(deps: AutomaticBackupDeps) {
  let status: AutomaticBackupStatus = { state: 'idle' }
  let running: Promise<void> | null = null
  const listeners = new Set<() => void>()
  const set = (next: AutomaticBackupStatus) => {
    status = next
    listeners.forEach((listener) => listener())
  }

  const check = async () => {
    const listed = await deps.list()
    if (!listed.ok) {
      set({ state: 'failed', message: `WWA Lab could not look at its backups: ${listed.problem.message}` })
      return
    }
    const newest = newestGoodBackup(listed.value.backups)?.summary
    if (newest && deps.now().getTime() - new Date(newest.createdAt).getTime() < dailyMs) return
    set({ state: 'writing' })
    const written = await deps.backUpDaily()
    set(
      written.ok
        ? { state: 'idle' }
        : { state: 'failed', message: `The daily automatic backup failed: ${written.problem.message}` },
    )
  }

  /** Looks now, unless a look is already under way (then waits for that one). */
  const checkNow = (): Promise<void> => {
    running ??= check()
      .catch((error: unknown) =>
        set({ state: 'failed', message: `The daily automatic backup failed: ${String(error)}` }),
      )
      .finally(() => {
        running = null
      })
    return running
  }

  return {
    checkNow,
    /** Looks at once, then every hour; returns the stop. */
    start(): () => void {
      void checkNow()
      const timer = deps.setInterval(() => void checkNow(), deps.checkEveryMs ?? 60 * 60 * 1000)
      return () => deps.clearInterval(timer)
    },
    status: () => status,
    dismiss: () => status.state === 'failed' && set({ state: 'idle' }),
    subscribe(listener: () => void): () => void {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

export type AutomaticBackups = ReturnType<typeof createAutomaticBackups>
