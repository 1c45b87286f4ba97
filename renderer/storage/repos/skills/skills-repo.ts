import { entityLabel } from '../../../../core/model/entity'
import type { Skill } from '../../../../core/model/skill'
import type { AuditContext } from '../../audit-log'
import type { LabDb } from '../../lab-db'
import { createRecordRepo, type RecordRepo, type Referrers } from '../record-repo'
import { named, trailNaming } from '../references'

export type SkillsRepo = RecordRepo<Skill>

/** A skill is named by the products that reach Alexa through it, and by the history of those that did. */
export const skillReferrers: Referrers = {
  tables: ['products'],
  async find(db, id) {
    const products = await db.products.filter((product) => product.skillRecordId === id).toArray()
    const now = named(
      'product',
      'products',
      products.map((product) => entityLabel('product', product)),
    )
    return now.length > 0 ? now : trailNaming(db, 'product', 'skillRecordId', id)
  },
}

export const createSkillsRepo = (db: LabDb, audit: AuditContext): SkillsRepo =>
  createRecordRepo(db, 'skill', audit, skillReferrers)
