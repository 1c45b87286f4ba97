import type { RowProblem } from '../../../core/import/row-problem'
import { DataTable } from '../../table/DataTable'
import { listColumnHelper } from '../../table/table-features'

/** More than this many problems means a wrong file or mapping; listing them all would only slow the page. */
const maxListed = 500

type ProblemRow = RowProblem & { readonly id: string }

const column = listColumnHelper<ProblemRow>()
const problemColumns = column.columns([
  column.accessor('row', { header: 'Row', enableHiding: false }),
  column.accessor('column', { header: 'Column', sortFn: 'text', enableHiding: false }),
  column.accessor('message', { header: 'What is wrong', sortFn: 'text', enableHiding: false }),
])

/** The validation report: every row and column with what is wrong there, and why nothing can be imported yet. */
export function ImportProblems({
  problems,
  fileName,
  what = 'test plan',
}: {
  problems: readonly RowProblem[]
  fileName: string
  /** "test plan": "a file that is not a test plan". */
  what?: string
}) {
  if (problems.length === 0) {
    return (
      <p className="status-good" role="status">
        Every row of {fileName} is valid.
      </p>
    )
  }
  const rows = new Set(problems.map((p) => p.row)).size
  const listed = problems.slice(0, maxListed).map((p, index): ProblemRow => ({ ...p, id: String(index) }))
  return (
    <section aria-labelledby="import-problems-title">
      <h2 id="import-problems-title">Problems</h2>
      <p className="field-error" role="alert">
        {problems.length === 1 ? '1 problem' : `${problems.length} problems`} in {rows === 1 ? '1 row' : `${rows} rows`}{' '}
        of {fileName}. Nothing is imported until every row is valid: correct the file and choose it again, or change the
        columns above.
      </p>
      {problems.length > maxListed ? (
        <p className="muted">
          The first {maxListed} are listed. So many problems usually mean a wrong column choice or a file that is not a{' '}
          {what}.
        </p>
      ) : null}
      <DataTable label="Problems" columns={problemColumns} data={listed} rowId={(row) => row.id} empty="No problems." />
    </section>
  )
}
