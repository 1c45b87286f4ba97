import { useLiveQuery } from 'dexie-react-hooks'
import { href } from '../../app/route'
import { useRepos } from '../../app/services-context'
import { UnsavedDrafts } from '../../forms/UnsavedDrafts'
import { DataTable } from '../../table/DataTable'
import { productColumns } from './product-columns'

export function ProductsList() {
  const repos = useRepos()
  const products = useLiveQuery(() => repos.products.list(), [repos])
  return (
    <section aria-labelledby="products-title">
      <header className="section-header">
        <h1 id="products-title">Products</h1>
        <a className="button primary" href={href('products', 'new')}>
          New product
        </a>
      </header>
      <UnsavedDrafts kind="products" exists={repos.products.get} />
      {products === undefined ? (
        <p className="muted">Loading…</p>
      ) : (
        <DataTable
          label="Products"
          columns={productColumns}
          data={products}
          rowId={(p) => p.id}
          empty="No products yet. Choose New product to register the first one."
          initiallyHidden={['updated']}
        />
      )}
    </section>
  )
}
