import type { ColumnDef, RowData } from '@tanstack/react-table'
import { useMemo } from 'react'
import { href } from '../app/route'
import type { Section } from '../app/sections'
import type { EntityKind } from '../../core/model/entity'
import type { Archived } from '../../core/model/fields'
import { DataTable } from '../table/DataTable'
import type { ListFeatures } from '../table/table-features'
import { useArchivedRows } from './ArchivedToggle'
import { UnsavedDrafts } from './UnsavedDrafts'

type Row = RowData & { readonly id: string; readonly archived?: Archived | undefined }

type Props<T extends Row> = {
  /** What the list shows, for its unsaved drafts. */
  readonly kind: EntityKind
  readonly section: Section
  /** The page's heading and the table's name, e.g. "Products". */
  readonly title: string
  /** The button that starts a new record, e.g. "New product". */
  readonly newLabel: string
  /** The rows, archived ones too (shown when asked for); undefined while they load. */
  readonly rows: readonly T[] | undefined
  readonly columns: readonly ColumnDef<ListFeatures, T, any>[] // eslint-disable-line @typescript-eslint/no-explicit-any -- columns of mixed value types
  readonly empty: string
  /** Whether a record with this id is stored: drafts of ones that are not are listed as unsaved. */
  readonly exists: (id: string) => Promise<unknown>
  readonly initiallyHidden?: readonly string[]
}

/** A section's list: its heading, the New button, unsaved new drafts and the table, archived rows when asked for. */
export function RecordListPage<T extends Row>(props: Props<T>) {
  const titleId = `${props.section}-title`
  const archived = useArchivedRows(props.rows)
  const columns = useMemo(() => [...props.columns, ...archived.extraColumns], [props.columns, archived.extraColumns])
  return (
    <section aria-labelledby={titleId}>
      <header className="section-header">
        <h1 id={titleId}>{props.title}</h1>
        <div className="actions">
          {archived.toggle}
          <a className="button primary" href={href(props.section, 'new')}>
            {props.newLabel}
          </a>
        </div>
      </header>
      <UnsavedDrafts kind={props.kind} section={props.section} exists={props.exists} />
      {archived.rows === undefined ? (
        <p className="muted">Loading…</p>
      ) : (
        <DataTable
          label={props.title}
          columns={columns}
          data={archived.rows}
          rowId={(row) => row.id}
          empty={archived.allArchived ?? props.empty}
          initiallyHidden={props.initiallyHidden ?? []}
        />
      )}
    </section>
  )
}
