import { useEffect, useRef } from 'react'
import type { z } from 'zod'
import { href, replaceAddress } from '../app/route'
import type { Section } from '../app/sections'
import { useRepos } from '../app/services-context'
import type { EntityKind } from '../../core/model/entity'
import type { Outcome } from '../../core/outcome'
import { useAutosave } from './use-autosave'
import type { ReadyRecord } from './use-record'

/**
 * An editor's storage: autosave into the record's repository, drafts for what
 * is not valid yet, and, for a record created at "#/x/new", its real address
 * once anything of it is stored, so a reload comes back to it.
 */
export function useRecordEditor<T extends { readonly id: string }>(options: {
  /** What the editor edits, for its drafts. */
  readonly kind: EntityKind
  /** Where the editor lives, for its address once the record exists. */
  readonly section: Section
  readonly loaded: ReadyRecord<T>
  readonly schema: z.ZodType<T>
  readonly save: (record: T) => Promise<Outcome<unknown>>
  /** A short name for the draft in lists of unsaved work, e.g. "Acme AC-100". */
  readonly title: (record: T) => string
}) {
  const repos = useRepos()
  const { kind, section, loaded } = options
  const id = loaded.record.id
  const mounted = useRef(true)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])
  const addressed = useRef(!loaded.isNew)
  const takeAddress = () => {
    // Only while the editor is on screen: a store finishing after the person left must not move them.
    if (addressed.current || !mounted.current) return
    addressed.current = true
    replaceAddress(href(section, id))
  }

  return useAutosave({
    stored: loaded.record,
    restored: loaded.restored?.value,
    schema: options.schema,
    isNew: loaded.isNew,
    save: async (record) => {
      const saved = await options.save(record)
      if (saved.ok) takeAddress()
      return saved
    },
    keepDraft: async (record) => {
      const kept = await repos.drafts.keep(kind, id, record, options.title(record))
      if (kept.ok) takeAddress()
      return kept
    },
    noteDraft: (record) => repos.drafts.note(kind, id, record, options.title(record)),
    discardDraft: () => repos.drafts.discard(kind, id),
  })
}
