import { Unit } from '../../../core/model/unit'
import type { LabDb } from '../lab-db'
import { createRecordRepo } from './record-repo'

export type UnitsRepo = ReturnType<typeof createUnitsRepo>

export function createUnitsRepo(db: LabDb, now: () => Date = () => new Date()) {
  return {
    ...createRecordRepo<Unit>(db.units, Unit, now),
    /** The units received for one product, newest first. */
    forProduct: async (productId: string) =>
      (await db.units.where('productId').equals(productId).toArray()).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    /** Validates every unit first, then stores all of them in one transaction: all or nothing. */
    async saveMany(units: readonly Unit[]): Promise<void> {
      const updatedAt = now().toISOString()
      const valid = units.map((unit) => Unit.parse({ ...unit, updatedAt }))
      await db.transaction('rw', db.units, () => db.units.bulkPut(valid))
    },
  }
}
