import type { Skill } from '../../../core/model/skill'
import { href } from '../../app/route'
import { listColumnHelper } from '../../table/table-features'

const column = listColumnHelper<Skill>()
export const skillColumns = column.columns([
  column.accessor('name', {
    header: 'Name',
    enableHiding: false,
    sortFn: 'text',
    cell: (info) => <a href={href('skills', info.row.original.id)}>{info.getValue()}</a>,
  }),
  column.accessor('skillId', { header: 'Skill ID', sortFn: 'text' }),
])
