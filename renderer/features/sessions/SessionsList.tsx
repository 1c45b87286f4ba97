import { useLiveQuery } from 'dexie-react-hooks'
import { href } from '../../app/route'
import { useRepos } from '../../app/services-context'
import { DataTable } from '../../table/DataTable'
import { listColumnHelper } from '../../table/table-features'
import { sessionRows, type SessionRow } from './session-rows'

const column = listColumnHelper<SessionRow>()
const sessionColumns = column.columns([
  column.accessor('product', {
    header: 'Product',
    enableHiding: false,
    sortFn: 'text',
    cell: (info) => <a href={href('sessions', info.row.original.id)}>{info.getValue()}</a>,
  }),
  column.accessor('unit', { header: 'Unit', sortFn: 'alphanumeric' }),
  column.accessor('plan', { header: 'Plan', sortFn: 'text' }),
  column.accessor('tester', { header: 'Tester', sortFn: 'text' }),
  column.accessor('state', { header: 'State', sortFn: 'text' }),
  column.accessor('outcome', { header: 'Outcome', sortFn: 'text' }),
  column.accessor('started', { header: 'Started', sortFn: 'text' }),
  column.accessor('completed', { header: 'Completed', sortFn: 'text' }),
])

/** Every session, filterable by product, tester, state or date as text. */
export function SessionsList() {
  const repos = useRepos()
  const rows = useLiveQuery(async () => {
    const [sessions, products, units, profile] = await Promise.all([repos.sessions.list(), repos.products.list(), repos.units.list(), repos.profile.get()])
    return sessionRows(sessions, products, units, profile)
  }, [repos])
  return (
    <section aria-labelledby="sessions-title">
      <header className="section-header">
        <h1 id="sessions-title">Sessions</h1>
        <a className="button primary" href={href('sessions', 'new')}>
          New session
        </a>
      </header>
      {rows === undefined ? (
        <p className="muted">Loading…</p>
      ) : (
        <DataTable
          label="Sessions"
          columns={sessionColumns}
          data={rows}
          rowId={(r) => r.id}
          empty="No sessions yet. Choose New session to run a test plan on a unit."
        />
      )}
    </section>
  )
}
