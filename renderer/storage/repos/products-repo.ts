import { Product } from '../../../core/model/product'
import { auditChange, type AuditContext } from '../audit-log'
import type { LabDb } from '../lab-db'
import { createRecordRepo } from './record-repo'
import { unitLabel } from './units-repo'

export type ProductsRepo = ReturnType<typeof createProductsRepo>

export const productLabel = (p: Product) => `${p.brand} ${p.modelNumber}`

export function createProductsRepo(db: LabDb, audit: AuditContext) {
  const base = createRecordRepo<Product>(db, db.products, Product, { kind: 'product', label: productLabel }, audit)
  return {
    ...base,
    /** Removes the product and every unit received for it, in one audited transaction. */
    async remove(id: string): Promise<void> {
      await db.transaction('rw', db.products, db.units, db.audit, async () => {
        const product = await db.products.get(id)
        if (product === undefined) return
        for (const unit of await db.units.where('productId').equals(id).toArray()) {
          await db.units.delete(unit.id)
          await auditChange(db, audit, { kind: 'unit', id: unit.id, label: unitLabel(unit) }, unit, undefined)
        }
        await db.products.delete(id)
        await auditChange(db, audit, { kind: 'product', id, label: productLabel(product) }, product, undefined)
      })
    },
  }
}
