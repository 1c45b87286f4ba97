import type { Product } from '../../../../core/model/product'
import type { Outcome } from '../../../../core/outcome'
import { auditChanges, changeOf, type AuditContext } from '../../audit-log'
import type { LabDb } from '../../lab-db'
import { attempt } from '../../storage-problems'
import { createRecordRepo, type RecordRepo } from '../record-repo'

export type ProductsRepo = RecordRepo<Product> & {
  /** Removes the product and every unit received for it, in one audited transaction. */
  remove(id: string): Promise<Outcome<void>>
}

export function createProductsRepo(db: LabDb, audit: AuditContext): ProductsRepo {
  return {
    ...createRecordRepo(db, 'product', audit),
    remove: (id) =>
      attempt(() =>
        db.transaction('rw', db.products, db.units, db.audit, async () => {
          const product = await db.products.get(id)
          if (product === undefined) return
          const units = await db.units.where('productId').equals(id).toArray()
          await db.units.bulkDelete(units.map((unit) => unit.id))
          await db.products.delete(id)
          await auditChanges(db, audit, [
            ...units.map((unit) => changeOf('unit', unit.id, unit, unit, undefined)),
            changeOf('product', id, product, product, undefined),
          ])
        }),
      ),
  }
}
