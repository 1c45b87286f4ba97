import type { Route } from '../../app/route'
import { ProductEditorPage } from './ProductEditorPage'
import { ProductsList } from './ProductsList'

export function ProductsSection({ route }: { route: Route }) {
  return route.id ? <ProductEditorPage key={route.id} id={route.id} /> : <ProductsList />
}
