import { Unit } from '../../../../core/model/unit'
import { ok, type Outcome } from '../../../../core/outcome'
import { auditChange, auditChanges, changeOf, type AuditContext } from '../../audit-log'
import type { LabDb } from '../../lab-db'
import { attempt, refuse, validate } from '../../storage-problems'
import { createRecordRepo, refuseIfArchived, withStoredMark, type RecordRepo, type Referrers } from '../record-repo'
import { wasDeleted } from '../references'
import { countOf } from '../../../../core/text/plural'
import { duplicateSerialMessage, firstReceived, sameSerial, serialKeyOf } from './unit-serials'

export type UnitsRepo = RecordRepo<Unit> & {
  /** The units received for one product, newest first. */
  forProduct(productId: string): Promise<Unit[]>
  /** Validates every unit first, then stores and audits all of them in one transaction: all or nothing. */
  saveMany(units: readonly Unit[]): Promise<Outcome<void>>
  /**
   * The first unit received of the same product with the same serial number
   * (trimmed, ignoring case), other than this one: a second such unit is refused.
   */
  serialTwin(unit: Pick<Unit, 'id' | 'productId' | 'serialNumber'>): Promise<Unit | undefined>
}

/** A unit is named by every session run on it: the chain of custody; such a unit is archived, never deleted. */
export const unitReferrers: Referrers = {
  tables: ['sessions'],
  async find(db, id) {
    const sessions = await db.sessions.where('unitId').equals(id).count()
    return sessions > 0 ? [countOf(sessions, 'session')] : []
  },
}

export function createUnitsRepo(db: LabDb, audit: AuditContext): UnitsRepo {
  const records = createRecordRepo(db, 'unit', audit, unitReferrers)
  /** Units already stored under any of these serials (the index compares ignoring case). */
  const storedWithSerials = (serials: readonly string[]) =>
    db.units
      .where('serialNumber')
      .anyOfIgnoreCase([...new Set(serials.map((s) => s.trim()))])
      .toArray()
  const serialTwin: UnitsRepo['serialTwin'] = async (unit) => {
    if (unit.serialNumber.trim() === '' || unit.productId === '') return undefined
    const twins = (await storedWithSerials([unit.serialNumber])).filter(
      (other) => other.id !== unit.id && other.productId === unit.productId && sameSerial(other, unit),
    )
    return firstReceived(twins)
  }
  return {
    ...records,
    serialTwin,
    async save(unit) {
      const checked = validate(Unit, { ...unit, updatedAt: audit.now().toISOString() })
      if (!checked.ok) return checked
      return attempt(() =>
        // The check and the write in one transaction, so two saves cannot both pass it. Not nested in
        // the record repository's save: a nested transaction reports "complete" before the outer one
        // commits, and the ledger must never get ahead of the database.
        db.transaction('rw', db.units, db.audit, async () => {
          const twin = await serialTwin(checked.value)
          if (twin) throw refuse('invalid', duplicateSerialMessage(twin), 'serialNumber')
          const before = await db.units.get(checked.value.id)
          if (before === undefined && (await wasDeleted(db, 'unit', checked.value.id)))
            throw refuse('not-found', 'This unit was deleted, so it cannot be saved again. Create a new one instead.')
          // Whether it is archived stays as stored: only archive and restore change it, and an archived unit not at all.
          refuseIfArchived(before, () => `Unit ${before?.serialNumber ?? ''}`)
          const value = withStoredMark(checked.value, before)
          await db.units.put(value)
          await auditChange(db, audit, changeOf('unit', value.id, value, before, value))
          return value
        }),
      )
    },
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
          const incoming = new Set(valid.map((u) => u.id))
          const stored = (await storedWithSerials(valid.map((u) => u.serialNumber))).filter((u) => !incoming.has(u.id))
          // A unit is refused when a stored one, or one earlier in this batch, has its product and serial.
          const first = new Map<string, Unit>()
          for (const unit of stored) {
            const held = first.get(serialKeyOf(unit))
            first.set(serialKeyOf(unit), held ? (firstReceived([held, unit]) ?? unit) : unit)
          }
          for (const [index, unit] of valid.entries()) {
            const twin = first.get(serialKeyOf(unit))
            if (twin) throw refuse('invalid', `Unit ${index + 1}: ${duplicateSerialMessage(twin)}`, 'serialNumber')
            first.set(serialKeyOf(unit), unit)
          }
          const before = await db.units.bulkGet(valid.map((u) => u.id))
          before.forEach((unit) => refuseIfArchived(unit, () => `Unit ${unit?.serialNumber ?? ''}`))
          const marked = valid.map((unit, index) => withStoredMark(unit, before[index]))
          await db.units.bulkPut(marked)
          await auditChanges(
            db,
            audit,
            marked.map((unit, index) => changeOf('unit', unit.id, unit, before[index], unit)),
          )
        }),
      )
    },
  }
}
