import * as fs from 'node:fs/promises'
import { z } from 'zod'
import { defaultGenerations, Generations, ManualBackup } from '../../../core/bridge/backups'
import { writeFileAtomic } from '../files/atomic-write'

const BackupState = z.object({ generations: Generations, lastManual: ManualBackup.nullable() })
export type BackupState = z.output<typeof BackupState>

const fresh: BackupState = { generations: defaultGenerations, lastManual: null }

/**
 * Main's own note of the backup settings and the last manual backup, in one
 * small JSON file beside the backups. A missing or unreadable note means the
 * defaults: it holds preferences, not data, so it never stops a backup.
 */
export function createBackupState(path: string) {
  let queue: Promise<unknown> = Promise.resolve()
  const read = async (): Promise<BackupState> => {
    try {
      const parsed = BackupState.safeParse(JSON.parse(await fs.readFile(path, 'utf8')))
      return parsed.success ? parsed.data : fresh
    } catch {
      return fresh
    }
  }
  return {
    read,
    /** Changes the note; changes run one after another so none is lost. */
    update(change: (state: BackupState) => BackupState): Promise<BackupState> {
      const run = queue.then(async () => {
        const next = change(await read())
        await writeFileAtomic(path, new TextEncoder().encode(`${JSON.stringify(next, null, 2)}\n`))
        return next
      })
      queue = run.catch(() => undefined)
      return run
    },
  }
}
export type BackupStateFile = ReturnType<typeof createBackupState>
