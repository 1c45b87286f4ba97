import type { ReactNode } from 'react'
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
  readonly children: (ready: ReadyRecord<T>) => ReactNode
  /** The record's archive, restore and delete, shown above the editor once the record is stored. */
  readonly archive?: (record: T) => ArchiveTarget
}

/** Loads the record at an editor's address (with any unsaved draft) and hands it to the editor, under its archive controls. */
export function RecordPage<T extends { readonly id: string; readonly updatedAt: string }>(props: Props<T>) {
  const loaded = useRecord(props.kind, props.id, props.get, props.makeNew)
  if (loaded.state === 'loading') return <p className="muted">Loading…</p>
  if (loaded.state === 'missing') return <RecordNotFound section={props.section} what={props.what} />
  return (
    <>
      {props.archive ? <RecordArchive target={props.archive(loaded.record)} section={props.section} /> : null}
      {props.children(loaded)}
    </>
  )
}
