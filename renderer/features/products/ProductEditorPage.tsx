import type { Product } from '../../../core/model/product'
import { href } from '../../app/route'
import { newId, nowIso } from '../../app/record-stamps'
import { useRepos } from '../../app/services-context'
import { RecordGate } from '../../forms/RecordGate'
import { useRecord } from '../../forms/use-record'
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

export function ProductEditorPage({ id }: { id: string }) {
  const repos = useRepos()
  const loaded = useRecord('products', id, repos.products.get, newProduct)
  return (
    <RecordGate loaded={loaded} what="product" backHref={href('products')}>
      {(ready) => <ProductEditor loaded={ready} />}
    </RecordGate>
  )
}
