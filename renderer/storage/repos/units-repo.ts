import { Unit } from '../../../core/model/unit'
import { auditChanges, type AuditContext } from '../audit-log'
import type { LabDb } from '../lab-db'
import { createRecordRepo } from './record-repo'

export type UnitsRepo = ReturnType<typeof createUnitsRepo>

export const unitLabel = (u: Unit) => `Unit ${u.serialNumber}`

export function createUnitsRepo(db: LabDb, audit: AuditContext) {
  return {
    ...createRecordRepo<Unit>(db, db.units, Unit, { kind: 'unit', label: unitLabel }, audit),
    /** The units received for one product, newest first. */
    forProduct: async (productId: string) =>
      (await db.units.where('productId').equals(productId).toArray()).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    /** Validates every unit first, then stores and audits all of them in one transaction: all or nothing. */
    async saveMany(units: readonly Unit[]): Promise<void> {
      const updatedAt = audit.now().toISOString()
      const valid = units.map((unit) => Unit.parse({ ...unit, updatedAt }))
      await db.transaction('rw', db.units, db.audit, async () => {
        const before = await db.units.bulkGet(valid.map((u) => u.id))
        await db.units.bulkPut(valid)
        await auditChanges(
          db,
          audit,
          valid.map((unit, index) => ({ entity: { kind: 'unit', id: unit.id, label: unitLabel(unit) }, before: before[index], after: unit })),
        )
      })
    },
  }
}
