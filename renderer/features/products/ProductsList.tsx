import { useLiveQuery } from 'dexie-react-hooks'
import { useRepos } from '../../app/services-context'
import { RecordListPage } from '../../ui/RecordListPage'
import { productColumns } from './product-columns'

export function ProductsList() {
  const repos = useRepos()
  const products = useLiveQuery(() => repos.products.list(), [repos])
  return (
    <RecordListPage
      kind="product"
      section="products"
      title="Products"
      newLabel="New product"
      rows={products}
      columns={productColumns}
      empty="No products yet. Choose New product to register the first one."
      exists={repos.products.get}
      initiallyHidden={['updated']}
    />
  )
}
