import type { ColumnDef, RowData } from '@tanstack/react-table'
import { href } from '../app/route'
import type { Section } from '../app/sections'
import type { EntityKind } from '../../core/model/entity'
import { DataTable } from '../table/DataTable'
import type { ListFeatures } from '../table/table-features'
import { UnsavedDrafts } from './UnsavedDrafts'

type Props<T extends RowData & { readonly id: string }> = {
  /** What the list shows, for its unsaved drafts. */
  readonly kind: EntityKind
  readonly section: Section
  /** The page's heading and the table's name, e.g. "Products". */
  readonly title: string
  /** The button that starts a new record, e.g. "New product". */
  readonly newLabel: string
  /** The rows; undefined while they load. */
  readonly rows: readonly T[] | undefined
  readonly columns: readonly ColumnDef<ListFeatures, T, any>[] // eslint-disable-line @typescript-eslint/no-explicit-any -- columns of mixed value types
  readonly empty: string
  /** Whether a record with this id is stored: drafts of ones that are not are listed as unsaved. */
  readonly exists: (id: string) => Promise<unknown>
  readonly initiallyHidden?: readonly string[]
}

/** A section's list: its heading, the New button, unsaved new drafts and the table. */
export function RecordListPage<T extends RowData & { readonly id: string }>(props: Props<T>) {
  const titleId = `${props.section}-title`
  return (
    <section aria-labelledby={titleId}>
      <header className="section-header">
        <h1 id={titleId}>{props.title}</h1>
        <a className="button primary" href={href(props.section, 'new')}>
          {props.newLabel}
        </a>
      </header>
      <UnsavedDrafts kind={props.kind} section={props.section} exists={props.exists} />
      {props.rows === undefined ? (
        <p className="muted">Loading…</p>
      ) : (
        <DataTable
          label={props.title}
          columns={props.columns}
          data={props.rows}
          rowId={(row) => row.id}
          empty={props.empty}
          initiallyHidden={props.initiallyHidden ?? []}
        />
      )}
    </section>
  )
}
