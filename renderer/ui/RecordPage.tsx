import { useLiveQuery } from 'dexie-react-hooks'
import { useState, type ReactNode } from 'react'
import type { Section } from '../app/sections'
import type { EntityKind } from '../../core/model/entity'
import { useRecord, type ReadyRecord } from '../hooks/use-record'
import type { ArchiveTarget } from '../widgets/archive/archive-target'
import { RecordArchive } from '../widgets/archive/RecordArchive'
import { RecordNotFound } from './RecordNotFound'

type Props<T extends { readonly id: string; readonly updatedAt: string }> = {
  /** What the page edits, for its drafts. */
  readonly kind: EntityKind
  /** The section it belongs to, for the way back. */
  readonly section: Section
  readonly id: string
  /** How the record is named in "This … does not exist any more". */
  readonly what: string
  readonly get: (id: string) => Promise<T | undefined>
  readonly makeNew: () => T
  /** The editor; `archived` while the record is archived (then it shows the record without letting it change). */
  readonly children: (ready: ReadyRecord<T>, state: { readonly archived: boolean }) => ReactNode
  /** The record's archive, restore and delete, shown above the editor once the record is stored. */
  readonly archive?: (record: T) => ArchiveTarget
}

/** Loads the record at an editor's address (with any unsaved draft) and hands it to the editor, under its archive controls. */
export function RecordPage<T extends { readonly id: string; readonly updatedAt: string }>(props: Props<T>) {
  const [generation, setGeneration] = useState(0)
  const loaded = useRecord(props.kind, props.id, props.get, props.makeNew, generation)
  const target = loaded.state === 'ready' && props.archive ? props.archive(loaded.record) : undefined
  // Live: archiving or restoring on this page turns the editor read-only, or editable, at once.
  // Tagged with the record it is of: when the record changes, the last answer (another record's) is not this one's.
  const read = useLiveQuery(
    async () => ({ key: target?.key, state: target ? ((await target.read()) ?? null) : null }),
    [target?.key],
  )
  const state = read !== undefined && read.key === target?.key ? read.state : undefined
  const archived = state?.archived !== undefined
  // Restored: the editor opens again on the record as stored now, never on the copy it held before it was archived.
  // Adjusted while rendering (React's pattern for state derived from the previous render), so that copy never shows.
  const [drawnArchived, setDrawnArchived] = useState<boolean | undefined>(undefined)
  if (state !== undefined && drawnArchived !== archived) {
    if (drawnArchived === true) setGeneration((g) => g + 1)
    setDrawnArchived(archived)
  }
  // Read again after a Restore, the controls are drawn anew: the cursor goes back to them, not to the top of the page.
  const restoredOnce = generation > 0
  // A stored record is not drawn editable for a moment before its archive mark is read; a new one has none.
  if (
    loaded.state === 'loading' ||
    (loaded.state === 'ready' && target !== undefined && !loaded.isNew && state === undefined)
  )
    return <p className="muted">Loading…</p>
  if (loaded.state === 'missing') return <RecordNotFound section={props.section} what={props.what} />
  return (
    <>
      {target && (state !== undefined || loaded.isNew) ? (
        <RecordArchive target={target} state={state ?? null} section={props.section} focusOnOpen={restoredOnce} />
      ) : null}
      {props.children(loaded, { archived })}
    </>
  )
}
