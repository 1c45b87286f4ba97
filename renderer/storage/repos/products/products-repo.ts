import type { Product } from '../../../../core/model/product'
import { countOf } from '../../../../core/text/plural'
import type { AuditContext } from '../../audit-log'
import type { LabDb } from '../../lab-db'
import { createRecordRepo, type RecordRepo, type Referrers } from '../record-repo'
import { named } from '../references'

export type ProductsRepo = RecordRepo<Product>

/**
 * A product is named by every unit received for it (archived ones too) and every session run on it;
 * one with either is archived, never deleted, so the chain of custody stays whole.
 */
export const productReferrers: Referrers = {
  tables: ['units', 'sessions'],
  async find(db, id) {
    const [units, sessions] = await Promise.all([
      db.units.where('productId').equals(id).toArray(),
      db.sessions.where('productId').equals(id).count(),
    ])
    return [
      ...named(
        'unit',
        'units',
        units.map((unit) => unit.serialNumber),
      ),
      ...(sessions > 0 ? [countOf(sessions, 'session')] : []),
    ]
  },
}

export const createProductsRepo = (db: LabDb, audit: AuditContext): ProductsRepo =>
  createRecordRepo(db, 'product', audit, productReferrers)
