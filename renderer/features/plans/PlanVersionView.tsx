import type { PlanVersion, TestCase } from '../../../core/model/test-plan'
import { href } from '../../app/route'
import { DataTable } from '../../table/DataTable'
import { listColumnHelper } from '../../table/table-features'
import { countCases, describeSource } from './plan-labels'
import { PlanHistory } from './PlanHistory'
import './plans.css'
import { dates } from '../../app/lab-dates'

type CaseRow = TestCase & { readonly n: number }

const column = listColumnHelper<CaseRow>()
const caseColumns = column.columns([
  column.accessor('n', { header: '#', enableHiding: false }),
  column.accessor('caseId', { header: 'Case ID', sortFn: 'alphanumeric', enableHiding: false }),
  column.accessor('title', { header: 'Title', sortFn: 'text' }),
  column.accessor('category', { header: 'Category or capability', sortFn: 'text' }),
  column.accessor('steps', { header: 'Steps', sortFn: 'text' }),
  column.accessor('expected', { header: 'Expected result', sortFn: 'text' }),
  column.accessor((c) => (c.required ? 'Required' : 'Optional'), {
    id: 'required',
    header: 'Required',
    sortFn: 'text',
  }),
])

/**
 * A version read-only: an older one is kept as it was (sessions may have run it; edits go to the latest), and
 * every version of an archived plan is, until the plan is restored.
 */
export function PlanVersionView({
  version,
  latest,
  archived = false,
}: {
  version: PlanVersion
  latest: Pick<PlanVersion, 'id' | 'version'>
  archived?: boolean
}) {
  const isLatest = latest.id === version.id
  const rows = version.cases.map((c, i): CaseRow => ({ ...c, n: i + 1 }))
  return (
    <section aria-labelledby="plan-title" className="editor">
      <p>
        <a href={href('plans')}>← Test plans</a>
      </p>
      <h1 id="plan-title">
        {version.name} <span className="muted">version {version.version}</span>
      </h1>
      <p className="muted">
        {countCases(version.cases.length)} · {describeSource(version.source)} · saved{' '}
        {dates.dateTime(version.updatedAt)}
      </p>
      {isLatest ? (
        <p className="notice">This test plan is archived, so it is shown as kept. Restore it to change it.</p>
      ) : (
        <p className="notice">
          This is an earlier version, kept exactly as it was. The latest is{' '}
          <a href={href('plans', latest.id)}>version {latest.version}</a>
          {archived ? '; the plan is archived: restore it to make changes.' : '; open it to make changes.'}
        </p>
      )}
      <DataTable
        label="Cases"
        columns={caseColumns}
        data={rows}
        rowId={(row) => String(row.n)}
        empty="This version has no cases."
        initiallyHidden={['steps', 'expected']}
      />
      <PlanHistory planId={version.planId} currentId={version.id} />
    </section>
  )
}
