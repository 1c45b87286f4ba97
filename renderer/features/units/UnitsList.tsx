import { useLiveQuery } from 'dexie-react-hooks'
import { entityLabel } from '../../../core/model/entity'
import type { Product } from '../../../core/model/product'
import { conditionLabels, type Unit } from '../../../core/model/unit'
import { href } from '../../app/route'
import { useRepos } from '../../app/services-context'
import { RecordListPage } from '../../ui/RecordListPage'
import { listColumnHelper } from '../../table/table-features'
import { dates } from '../../app/lab-dates'

type UnitRow = Unit & { readonly product: string }

const column = listColumnHelper<UnitRow>()
const unitColumns = column.columns([
  column.accessor('serialNumber', {
    header: 'Serial number',
    enableHiding: false,
    sortFn: 'alphanumeric',
    cell: (info) => <a href={href('units', info.row.original.id)}>{info.getValue()}</a>,
  }),
  column.accessor('product', { header: 'Product', sortFn: 'text' }),
  column.accessor('firmware', { header: 'Firmware', sortFn: 'alphanumeric' }),
  column.accessor('hardwareRevision', { header: 'Hardware revision', sortFn: 'alphanumeric' }),
  column.accessor('receivedOn', {
    header: 'Received',
    sortFn: 'text',
    cell: (info) => dates.calendarDate(info.getValue()),
  }),
  column.accessor('receivedFrom', { header: 'From', sortFn: 'text' }),
  column.accessor((u) => conditionLabels[u.condition], { id: 'condition', header: 'Condition', sortFn: 'text' }),
  column.accessor((u) => u.photos.length, { id: 'photos', header: 'Photos' }),
])

const productLabel = (p: Product | undefined) => (p ? entityLabel('product', p) : 'Deleted product')

export function UnitsList() {
  const repos = useRepos()
  const rows = useLiveQuery(async () => {
    const [units, products] = await Promise.all([repos.units.list(), repos.products.list()])
    const byId = new Map(products.map((p) => [p.id, p]))
    return units.map((u): UnitRow => ({ ...u, product: productLabel(byId.get(u.productId)) }))
  }, [repos])
  return (
    <RecordListPage
      kind="unit"
      section="units"
      title="Tested units"
      newLabel="New unit"
      rows={rows}
      columns={unitColumns}
      empty="No units yet. Open a product and choose Add unit, or choose New unit."
      exists={repos.units.get}
      initiallyHidden={['hardwareRevision']}
    />
  )
}
