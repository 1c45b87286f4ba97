import type { Hub } from '../../../core/model/hub'
import { href } from '../../app/route'
import { listColumnHelper } from '../../table/table-features'

const column = listColumnHelper<Hub>()
export const hubColumns = column.columns([
  column.accessor('modelNumber', {
    header: 'Model number',
    enableHiding: false,
    sortFn: 'alphanumeric',
    cell: (info) => <a href={href('hubs', info.row.original.id)}>{info.getValue()}</a>,
  }),
  column.accessor('brand', { header: 'Brand', sortFn: 'text' }),
  column.accessor('name', { header: 'Name', sortFn: 'text' }),
  column.accessor((h) => h.asins.join(', '), { id: 'asins', header: 'ASINs', sortFn: 'text' }),
  column.accessor('firmware', { header: 'Firmware', sortFn: 'alphanumeric' }),
])
