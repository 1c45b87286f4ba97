import { Product } from '../../../core/model/product'
import type { LabDb } from '../lab-db'
import { createRecordRepo } from './record-repo'

export type ProductsRepo = ReturnType<typeof createProductsRepo>

export function createProductsRepo(db: LabDb) {
  const base = createRecordRepo<Product>(db.products, Product)
  return {
    ...base,
    /** Removes the product and every unit tested for it, in one transaction. */
    async remove(id: string): Promise<void> {
      await db.transaction('rw', db.products, db.units, async () => {
        await db.units.where('productId').equals(id).delete()
        await db.products.delete(id)
      })
    },
  }
}
