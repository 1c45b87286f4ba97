import { Unit } from '../../../../core/model/unit'
import { ok, type Outcome } from '../../../../core/outcome'
import { auditChanges, changeOf, type AuditContext } from '../../audit-log'
import type { LabDb } from '../../lab-db'
import { attempt, validate } from '../../storage-problems'
import { createRecordRepo, type RecordRepo } from '../record-repo'

export type UnitsRepo = RecordRepo<Unit> & {
  /** The units received for one product, newest first. */
  forProduct(productId: string): Promise<Unit[]>
  /** Validates every unit first, then stores and audits all of them in one transaction: all or nothing. */
  saveMany(units: readonly Unit[]): Promise<Outcome<void>>
}

export function createUnitsRepo(db: LabDb, audit: AuditContext): UnitsRepo {
  return {
    ...createRecordRepo(db, 'unit', audit),
    forProduct: async (productId) =>
      (await db.units.where('productId').equals(productId).toArray()).sort((a, b) =>
        b.updatedAt.localeCompare(a.updatedAt),
      ),
    async saveMany(units) {
      const updatedAt = audit.now().toISOString()
      const valid: Unit[] = []
      for (const [index, unit] of units.entries()) {
        const checked = validate(Unit, { ...unit, updatedAt })
        if (!checked.ok)
          return {
            ok: false,
            problem: { ...checked.problem, message: `Unit ${index + 1}: ${checked.problem.message}` },
          }
        valid.push(checked.value)
      }
      if (valid.length === 0) return ok(undefined)
      return attempt(() =>
        db.transaction('rw', db.units, db.audit, async () => {
          const before = await db.units.bulkGet(valid.map((u) => u.id))
          await db.units.bulkPut(valid)
          await auditChanges(
            db,
            audit,
            valid.map((unit, index) => changeOf('unit', unit.id, unit, before[index], unit)),
          )
        }),
      )
    },
  }
}
