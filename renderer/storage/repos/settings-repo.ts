import type { LabDb } from '../lab-db'

export type SettingsRepo = ReturnType<typeof createSettingsRepo>

/** Per-workstation settings. Not audited: they describe the bench, not the lab's records. */
export function createSettingsRepo(db: LabDb) {
  return {
    /** The person working at this bench, as chosen last time. */
    workingAs: async (): Promise<string | null> => {
      const row = await db.settings.get('workingAs')
      return typeof row?.value === 'string' ? row.value : null
    },
    setWorkingAs: async (personId: string | null): Promise<void> => {
      await db.settings.put({ key: 'workingAs', value: personId })
    },
  }
}
