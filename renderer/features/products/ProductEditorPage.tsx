import type { Product } from '../../../core/model/product'
import type { PageProps } from '../../app/feature'
import { newId, nowIso } from '../../app/record-stamps'
import { useRepos } from '../../app/services-context'
import { RecordPage } from '../../ui/RecordPage'
import { recordTarget } from '../../widgets/archive/archive-target'
import { ProductEditor } from './ProductEditor'

const newProduct = (): Product => ({
  id: newId(),
  brand: '',
  modelNumber: '',
  name: '',
  deviceType: '',
  connection: 'direct-skill',
  hubId: null,
  skillRecordId: null,
  marketplaces: [],
  retailIds: [],
  asins: [],
  variations: [],
  referencePhotoIds: [],
  createdAt: nowIso(),
  updatedAt: nowIso(),
})

/** "#/products/<id>" (or "new"): one product's editor, its units and sessions. */
export function ProductEditorPage({ params }: PageProps<':id'>) {
  const repos = useRepos()
  return (
    <RecordPage
      kind="product"
      section="products"
      id={params.id}
      what="product"
      get={repos.products.get}
      makeNew={newProduct}
      archive={(p) => recordTarget('product', 'product', repos.products, p.id)}
    >
      {(ready, { archived }) => <ProductEditor loaded={ready} archived={archived} />}
    </RecordPage>
  )
}
