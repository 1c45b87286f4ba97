import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo } from 'react'
import type { Archived } from '../../../core/model/fields'
import { href } from '../../app/route'
import { useRepos } from '../../app/services-context'
import { useArchivedRows } from '../../ui/ArchivedToggle'
import { UnsavedDrafts } from '../../ui/UnsavedDrafts'
import type { PlanSummary } from '../../storage/repos/plans/plans-repo'
import { DataTable } from '../../table/DataTable'
import { listColumnHelper } from '../../table/table-features'
import { describeSource } from './plan-labels'
import { dates } from '../../app/lab-dates'

type PlanRow = {
  /** The latest version's id: the row opens that version. */
  readonly id: string
  readonly name: string
  readonly version: number
  readonly versions: number
  readonly cases: number
  readonly source: string
  readonly updated: string
  readonly archived?: Archived | undefined
}

const column = listColumnHelper<PlanRow>()
const planColumns = column.columns([
  column.accessor('name', {
    header: 'Name',
    sortFn: 'text',
    enableHiding: false,
    cell: (info) => <a href={href('plans', info.row.original.id)}>{info.getValue()}</a>,
  }),
  column.accessor('version', { header: 'Latest version' }),
  column.accessor('versions', { header: 'Versions' }),
  column.accessor('cases', { header: 'Cases' }),
  column.accessor('source', { header: 'Source', sortFn: 'text' }),
  column.accessor('updated', { header: 'Updated', sortFn: 'text', cell: (info) => dates.day(info.getValue()) }),
])

const toRow = ({ latest, versionCount, archived }: PlanSummary): PlanRow => ({
  id: latest.id,
  name: latest.name,
  version: latest.version,
  versions: versionCount,
  cases: latest.caseCount,
  source: describeSource(latest.source),
  updated: latest.updatedAt,
  archived,
})

/** Every test plan with its latest version; new plans are typed in or imported from a file. */
export function PlansList() {
  const repos = useRepos()
  const all = useLiveQuery(async () => (await repos.plans.list()).map(toRow), [repos])
  const archived = useArchivedRows(all)
  const rows = archived.rows
  const columns = useMemo(() => [...planColumns, ...archived.extraColumns], [archived.extraColumns])
  return (
    <section aria-labelledby="plans-title">
      <header className="section-header">
        <h1 id="plans-title">Test plans</h1>
        <div className="actions">
          {archived.toggle}
          <a className="button" href={href('plans', 'import')}>
            Import plan…
          </a>
          <a className="button primary" href={href('plans', 'new')}>
            New plan
          </a>
        </div>
      </header>
      <UnsavedDrafts kind="plan-version" section="plans" exists={repos.plans.getVersion} />
      {rows === undefined ? (
        <p className="muted">Loading…</p>
      ) : (
        <DataTable
          label="Test plans"
          columns={columns}
          data={rows}
          rowId={(row) => row.id}
          empty={
            archived.allArchived ??
            'No test plans yet. Choose Import plan… to read one from a spreadsheet, or New plan to type one in.'
          }
          initiallyHidden={['versions']}
        />
      )}
    </section>
  )
}
