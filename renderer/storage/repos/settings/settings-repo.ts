import { checkColumnCap, columnCapSetting, isColumnCap } from '../../../../core/import/column-cap'
import { refused, type Outcome } from '../../../../core/outcome'
import type { LabDb } from '../../lab-db'
import { attempt } from '../../storage-problems'

/** Per-workstation settings. Not audited: they describe the bench, not the lab's records. */
export type SettingsRepo = {
  /** The person working at this bench, as chosen last time. */
  workingAs(): Promise<string | null>
  setWorkingAs(personId: string | null): Promise<void>
  /** The most columns a plan file may have (Settings → Plan import); the default until someone sets it. */
  maxPlanColumns(): Promise<number>
  /** Stores the plan column cap; a value outside columnCapSetting's range is refused, naming the range. */
  setMaxPlanColumns(value: number): Promise<Outcome<number>>
  /** The address the window showed last ("#/sessions/…"), to open there again; null before any was kept. */
  lastPlace(): Promise<string | null>
  setLastPlace(address: string): Promise<void>
  /** Whether the runner moves to the next case after a verdict; on until someone turns it off. */
  autoAdvance(): Promise<boolean>
  setAutoAdvance(on: boolean): Promise<void>
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
    maxPlanColumns: async () => {
      const value = (await db.settings.get(maxPlanColumnsKey))?.value
      return isColumnCap(value) ? value : columnCapSetting.defaultValue
    },
    setMaxPlanColumns: async (value) => {
      if (!isColumnCap(value)) {
        const check = checkColumnCap(String(value))
        return refused('invalid', check.ok ? 'Enter a whole number of columns.' : check.message, 'maxPlanColumns')
      }
      return attempt(async () => {
        await db.settings.put({ key: maxPlanColumnsKey, value })
        return value
      })
    },
    lastPlace: async () => {
      const value = (await db.settings.get(lastPlaceKey))?.value
      if (!isRecord(value)) return null
      const { address, database } = value
      // Kept with the database's name: a restore copies this row into a new database, and the place a backup
      // was made from is not where the window was when it closed.
      return typeof address === 'string' && address.startsWith('#/') && database === db.name ? address : null
    },
    setLastPlace: async (address) => {
      await db.settings.put({ key: lastPlaceKey, value: { address, database: db.name } })
    },
    autoAdvance: async () => (await db.settings.get(autoAdvanceKey))?.value !== false,
    setAutoAdvance: async (on) => {
      await db.settings.put({ key: autoAdvanceKey, value: on })
    },
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

const maxPlanColumnsKey = 'planImport.maxColumns'
const lastPlaceKey = 'window.lastPlace'
const autoAdvanceKey = 'runner.autoAdvance'
