import type { LabDb } from '../../lab-db'

/** Per-workstation settings. Not audited: they describe the bench, not the lab's records. */
export type SettingsRepo = {
  /** The person working at this bench, as chosen last time. */
  workingAs(): Promise<string | null>
  setWorkingAs(personId: string | null): Promise<void>
}

export function createSettingsRepo(db: LabDb): SettingsRepo {
  return {
    workingAs: async () => {
      const row = await db.settings.get('workingAs')
      return typeof row?.value === 'string' ? row.value : null
    },
    setWorkingAs: async (personId) => {
      await db.settings.put({ key: 'workingAs', value: personId })
    },
  }
}
