import { entityLabel } from '../../../../core/model/entity'
import type { Hub } from '../../../../core/model/hub'
import type { AuditContext } from '../../audit-log'
import type { LabDb } from '../../lab-db'
import { createRecordRepo, type RecordRepo, type Referrers } from '../record-repo'
import { named, trailNaming } from '../references'

export type HubsRepo = RecordRepo<Hub>

/** A hub is named by the products that were tested through it, and by the history of those that were. */
export const hubReferrers: Referrers = {
  tables: ['products'],
  async find(db, id) {
    const products = await db.products.filter((product) => product.hubId === id).toArray()
    const now = named(
      'product',
      'products',
      products.map((product) => entityLabel('product', product)),
    )
    return now.length > 0 ? now : trailNaming(db, 'product', 'hubId', id)
  },
}

export const createHubsRepo = (db: LabDb, audit: AuditContext): HubsRepo =>
  createRecordRepo(db, 'hub', audit, hubReferrers)
