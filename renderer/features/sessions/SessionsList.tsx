import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useMemo, useState } from 'react'
import { dates } from '../../app/lab-dates'
import { href } from '../../app/route'
import { useRepos } from '../../app/services-context'
import { SelectField, TextField } from '../../ui/Field'
import { DataTable, rowsPerPage } from '../../table/DataTable'
import { listColumnHelper } from '../../table/table-features'
import { sessionRows, type SessionRow } from './session-rows'
import './sessions.css'
import { useProgressBackfill } from './use-progress-backfill'

const column = listColumnHelper<SessionRow>()
const sessionColumns = column.columns([
  column.accessor('name', {
    id: 'session',
    header: 'Session',
    enableHiding: false,
    sortFn: 'text',
    cell: (info) => <a href={href('sessions', info.row.original.id)}>{info.getValue()}</a>,
  }),
  column.accessor('unit', { header: 'Unit', sortFn: 'alphanumeric' }),
  column.accessor('region', { header: 'Region', sortFn: 'text' }),
  column.accessor('progressShare', {
    header: 'Progress',
    // Decided of all cases; a session stored before progress was kept says so rather than guessing.
    cell: (info) => info.row.original.progress || <span className="muted">not recorded</span>,
  }),
  column.accessor('tester', { header: 'Tester', sortFn: 'text' }),
  column.accessor('state', { header: 'State', sortFn: 'text' }),
  column.accessor('outcome', { header: 'Outcome', sortFn: 'text' }),
  column.accessor('started', {
    header: 'Started',
    sortFn: 'text',
    cell: (info) => dates.calendarDate(info.getValue()),
  }),
  column.accessor('lastActivity', {
    header: 'Last activity',
    sortFn: 'text',
    cell: (info) => dates.dateTime(info.getValue()),
  }),
  column.accessor('completed', {
    header: 'Completed',
    sortFn: 'text',
    cell: (info) => dates.calendarDate(info.getValue()),
  }),
])

type Filters = {
  readonly product: string
  readonly tester: string
  readonly state: string
  readonly from: string
  readonly to: string
}
const noFilters: Filters = { product: '', tester: '', state: '', from: '', to: '' }

const distinct = (values: readonly string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b))

/** Every session, filterable by product, tester, state and start date, and by any text. */
export function SessionsList() {
  const repos = useRepos()
  const [filters, setFilters] = useState<Filters>(noFilters)
  // The newest page shows first; every session is read after it has painted, for sorting and filtering them all.
  const [readAll, setReadAll] = useState(false)
  const newest = useLiveQuery(async () => {
    const [sessions, products, total] = await Promise.all([
      repos.sessions.newest(rowsPerPage),
      repos.products.list(),
      repos.sessions.count(),
    ])
    return { rows: sessionRows(sessions, products), total }
  }, [repos])
  const everyOne = useLiveQuery(async () => {
    if (!readAll) return undefined
    const [sessions, products] = await Promise.all([repos.sessions.list(), repos.products.list()])
    return sessionRows(sessions, products)
  }, [repos, readAll])
  useEffect(() => {
    if (newest === undefined || readAll) return undefined
    // After the frame that shows the newest: reading thousands of sessions must not hold up their first paint.
    const frame = requestAnimationFrame(() => setTimeout(() => setReadAll(true), 0))
    return () => cancelAnimationFrame(frame)
  }, [newest, readAll])
  const all = everyOne ?? newest?.rows
  const uncounted = useMemo(() => all?.filter((r) => r.progress === '').map((r) => r.id), [all])
  useProgressBackfill(uncounted)
  const loading =
    everyOne === undefined && newest !== undefined && newest.total > newest.rows.length ? newest.total : undefined
  const rows = useMemo(
    () =>
      all?.filter(
        (r) =>
          (!filters.product || r.product === filters.product) &&
          (!filters.tester || r.tester === filters.tester) &&
          (!filters.state || r.state === filters.state) &&
          (!filters.from || (r.started !== '' && r.started >= filters.from)) &&
          (!filters.to || (r.started !== '' && r.started <= filters.to)),
      ),
    [all, filters],
  )
  const set = (change: Partial<Filters>) => setFilters((f) => ({ ...f, ...change }))
  const options = (values: readonly string[], allLabel: string) => [
    { value: '', label: allLabel },
    ...distinct(values).map((v) => ({ value: v, label: v })),
  ]
  return (
    <section aria-labelledby="sessions-title">
      <header className="section-header">
        <h1 id="sessions-title">Sessions</h1>
        <a className="button primary" href={href('sessions', 'new')}>
          New session
        </a>
      </header>
      {all && all.length > 0 ? (
        <div className="filters" role="group" aria-label="Filter sessions">
          <SelectField
            label="Product"
            value={filters.product}
            options={options(
              all.map((r) => r.product),
              'All products',
            )}
            onChange={(product) => set({ product })}
          />
          <SelectField
            label="Tester"
            value={filters.tester}
            options={options(
              all.map((r) => r.tester),
              'All testers',
            )}
            onChange={(tester) => set({ tester })}
          />
          <SelectField
            label="State"
            value={filters.state}
            options={options(
              all.map((r) => r.state),
              'All states',
            )}
            onChange={(state) => set({ state })}
          />
          <TextField label="Started from" type="date" value={filters.from} onChange={(from) => set({ from })} />
          <TextField label="Started until" type="date" value={filters.to} onChange={(to) => set({ to })} />
        </div>
      ) : null}
      {loading !== undefined ? (
        <p className="muted" role="status">
          The newest {rowsPerPage} of {loading.toLocaleString('en-US')} sessions; the rest are being read, and sorting
          and filters apply to all once they are.
        </p>
      ) : null}
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
