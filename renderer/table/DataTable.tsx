import { useTable, type Column, type ColumnDef, type Row, type RowData } from '@tanstack/react-table'
import { useId, useRef, useState } from 'react'
import { listFeatures, type ListFeatures } from './table-features'
import './DataTable.css'
import { Pager } from '../ui/Pager'
import { VirtualRows } from './VirtualRows'

type Props<T extends RowData> = {
  /** What the table lists, e.g. "Products": names the table, its filter box and its column menu. */
  readonly label: string
  readonly columns: readonly ColumnDef<ListFeatures, T, any>[] // eslint-disable-line @typescript-eslint/no-explicit-any -- columns of mixed value types
  readonly data: readonly T[]
  readonly rowId: (row: T) => string
  readonly empty: string
  readonly initiallyHidden?: readonly string[]
  /**
   * 'pages' draws 100 rows a page with a pager; 'scroll' draws, in a box of its own, only the rows in view
   * (for lists of thousands that a reader scrolls through, such as the readiness matrix).
   */
  readonly rowsShown?: 'pages' | 'scroll'
}

/** Rows drawn at once: sorting and filtering see every row, the page draws these, so a list of years of sessions opens as fast as a short one. */
export const rowsPerPage = 100

/** A sortable, filterable list with a column chooser, a page of rows at a time; a column's link opens the record. */
export function DataTable<T extends RowData>({
  label,
  columns,
  data,
  rowId,
  empty,
  initiallyHidden = [],
  rowsShown = 'pages',
}: Props<T>) {
  const table = useTable({
    features: listFeatures,
    columns: columns as ColumnDef<ListFeatures, T, any>[], // eslint-disable-line @typescript-eslint/no-explicit-any
    data: data as T[],
    getRowId: (row: T) => rowId(row),
    globalFilterFn: 'includesString',
    initialState: { columnVisibility: Object.fromEntries(initiallyHidden.map((id) => [id, false])) },
  })
  const filterId = useId()
  const rows = table.getRowModel().rows
  const total = data.length
  const [wantedPage, setPage] = useState(0)
  const pages = Math.max(1, Math.ceil(rows.length / rowsPerPage))
  // A narrower filter can leave fewer pages than the one shown: show the last there is.
  const page = Math.min(wantedPage, pages - 1)
  const shown = rows.slice(page * rowsPerPage, (page + 1) * rowsPerPage)
  const scrollRef = useRef<HTMLDivElement>(null)
  const columnCount = table.getVisibleLeafColumns().length
  const rowOf = (
    row: Row<ListFeatures, T>,
    at?: { index: number; measure: (row: HTMLTableRowElement | null) => void },
  ) => (
    <tr key={row.id} data-index={at?.index} ref={at?.measure} aria-rowindex={at ? at.index + 2 : undefined}>
      {row.getVisibleCells().map((cell) => (
        <td key={cell.id}>
          <table.FlexRender cell={cell} />
        </td>
      ))}
    </tr>
  )
  const scrolled = rowsShown === 'scroll'

  return (
    <div className="data-table">
      <div className="table-toolbar">
        <label htmlFor={filterId}>Filter {label.toLowerCase()}</label>
        <input
          id={filterId}
          type="search"
          value={String(table.state.globalFilter ?? '')}
          onChange={(event) => table.setGlobalFilter(event.target.value)}
        />
        <span className="muted" aria-live="polite">
          {rows.length === total ? `${total} shown` : `${rows.length} of ${total} shown`}
        </span>
        <ColumnChooser label={label} columns={table.getAllLeafColumns()} />
      </div>
      <div ref={scrollRef} className={scrolled ? 'table-scroll' : undefined}>
        <table aria-label={label} aria-rowcount={scrolled && rows.length > 0 ? rows.length + 1 : undefined}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} aria-rowindex={scrolled ? 1 : undefined}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted()
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                    >
                      {header.isPlaceholder ? null : header.column.getCanSort() ? (
                        <button type="button" className="sort" onClick={header.column.getToggleSortingHandler()}>
                          <table.FlexRender header={header} />
                          <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  )
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columnCount} className="muted">
                  {total === 0 ? empty : 'Nothing matches the filter.'}
                </td>
              </tr>
            ) : scrolled ? (
              <VirtualRows
                rows={rows}
                scrollRef={scrollRef}
                columnCount={columnCount}
                keyOf={(row) => row.id}
                draw={rowOf}
              />
            ) : (
              shown.map((row) => rowOf(row))
            )}
          </tbody>
        </table>
      </div>
      {scrolled ? null : (
        <Pager
          page={page}
          pages={pages}
          total={rows.length}
          perPage={rowsPerPage}
          noun="Rows"
          of={label.toLowerCase()}
          previous={`Previous ${rowsPerPage}`}
          next={`Next ${rowsPerPage}`}
          onPage={setPage}
        />
      )}
    </div>
  )
}

function ColumnChooser<T extends RowData>({
  label,
  columns,
}: {
  label: string
  columns: Column<ListFeatures, T, unknown>[]
}) {
  const hideable = columns.filter((column) => column.getCanHide())
  return (
    <details className="column-chooser">
      <summary>Columns</summary>
      <fieldset>
        <legend>Columns shown in {label.toLowerCase()}</legend>
        {hideable.map((column) => (
          <label key={column.id}>
            <input type="checkbox" checked={column.getIsVisible()} onChange={column.getToggleVisibilityHandler()} />
            {typeof column.columnDef.header === 'string' ? column.columnDef.header : column.id}
          </label>
        ))}
      </fieldset>
    </details>
  )
}
