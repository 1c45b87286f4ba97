import { connectionLabels, type Product } from '../../../core/model/product'
import { href } from '../../app/route'
import { listColumnHelper } from '../../table/table-features'
import { dates } from '../../app/lab-dates'

const column = listColumnHelper<Product>()

export const productColumns = column.columns([
  column.accessor('modelNumber', {
    header: 'Model number',
    sortFn: 'alphanumeric',
    enableHiding: false,
    cell: (info) => <a href={href('products', info.row.original.id)}>{info.getValue()}</a>,
  }),
  column.accessor('brand', { header: 'Brand', sortFn: 'text' }),
  column.accessor('name', { header: 'Name', sortFn: 'text' }),
  column.accessor('deviceType', { header: 'Device type', sortFn: 'text' }),
  column.accessor((p) => connectionLabels[p.connection], { id: 'connection', header: 'Connection', sortFn: 'text' }),
  column.accessor((p) => p.marketplaces.join(', '), { id: 'marketplaces', header: 'Marketplaces', sortFn: 'text' }),
  column.accessor((p) => p.asins.length, { id: 'asins', header: 'ASINs' }),
  column.accessor('updatedAt', {
    id: 'updated',
    header: 'Updated',
    sortFn: 'text',
    cell: (info) => dates.day(info.getValue()),
  }),
])
