import type { ColumnDef, RowData } from '@tanstack/react-table'
import { useMemo, useState, type ReactNode } from 'react'
import { isArchived } from '../../core/model/archived'
import type { Archived } from '../../core/model/fields'
import { dates } from '../app/lab-dates'
import { listColumnHelper, type ListFeatures } from '../table/table-features'

type Archivable = RowData & { readonly archived?: Archived | undefined }

/** The column that says when a row was archived, shown beside archived rows. */
function archivedColumn<T extends Archivable>(): ColumnDef<ListFeatures, T, string> {
  return listColumnHelper<T>().accessor((row) => row.archived?.at ?? '', {
    id: 'archived',
    header: 'Archived',
    sortFn: 'text',
    cell: (info) => (info.getValue() === '' ? '' : dates.day(info.getValue())),
  })
}

/**
 * A list's archived rows, out of sight until asked for: the rows to show, the
 * "Show archived (n)" switch (only when there are any, or while it is on) and,
 * while it is on, the column saying when each was archived.
 */
export function useArchivedRows<T extends Archivable>(
  rows: readonly T[] | undefined,
): {
  readonly rows: readonly T[] | undefined
  readonly toggle: ReactNode
  readonly extraColumns: readonly ColumnDef<ListFeatures, T, string>[]
  /** What an empty list says instead of its own words when every row is archived; undefined otherwise. */
  readonly allArchived: string | undefined
} {
  const [showing, setShowing] = useState(false)
  const archived = useMemo(() => rows?.filter(isArchived).length ?? 0, [rows])
  const shown = useMemo(() => (showing ? rows : rows?.filter((row) => !isArchived(row))), [rows, showing])
  const extraColumns = useMemo(() => (showing ? [archivedColumn<T>()] : []), [showing])
  const toggle =
    archived > 0 || showing ? (
      <label className="check">
        <input type="checkbox" checked={showing} onChange={(event) => setShowing(event.target.checked)} />
        Show archived ({archived})
      </label>
    ) : null
  const allArchived =
    !showing && archived > 0 && archived === rows?.length
      ? `Everything here is archived: choose Show archived (${archived}) to see it.`
      : undefined
  return { rows: shown, toggle, extraColumns, allArchived }
}
