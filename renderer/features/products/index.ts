import { route, type Feature } from '../../app/feature'
import { ProductEditorPage } from './ProductEditorPage'
import { ProductsList } from './ProductsList'

export const productsFeature: Feature<'products'> = {
  section: 'products',
  label: 'Products',
  group: 'Catalogue',
  routes: [route('', ProductsList), route(':id', ProductEditorPage)],
}
