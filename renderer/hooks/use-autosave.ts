import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { z } from 'zod'
import { describeProblem, ok, type Outcome } from '../../core/outcome'
import { storageProblem } from '../storage/storage-problems'
import { fieldErrors, type FieldErrors } from '../ui/field-errors'
import { useFlushOnLeave } from './use-flush-on-leave'
import { messageOf } from '../../core/text/message-of'

export type SaveStatus =
  | { readonly kind: 'saved' }
  | { readonly kind: 'pending' }
  | { readonly kind: 'invalid'; readonly count: number }
  | { readonly kind: 'failed'; readonly message: string }

export type AutosaveOptions<T> = {
  /** The record as stored (or, for a new one, as created): what "saved" means. */
  readonly stored: T
  /** Unsaved contents kept from an earlier visit, to continue from. */
  readonly restored?: T | undefined
  readonly schema: z.ZodType<T>
  /** Stores the record; a refusal (a full disk, a record changed meanwhile) comes back as a value. */
  readonly save: (value: T) => Promise<Outcome<unknown>>
  /** Keeps contents that are not valid yet, so nothing typed is lost; dropped once a valid save succeeds. */
  readonly keepDraft?: (value: T) => Promise<Outcome<unknown>>
  readonly discardDraft?: () => Promise<unknown>
  /** A record that was never saved starts quiet: its errors show only once a field is touched. */
  readonly isNew?: boolean
}

type Job<T> = { readonly draft: T; readonly run: () => Promise<Outcome<unknown>> }

const saveDelayMs = 250

/**
 * Holds an editable copy of a record and stores it shortly after each change:
 * as the record when the model's schema accepts it (nothing invalid is ever
 * saved as a record), as a draft when it does not. A change still waiting when
 * the editor closes or the window hides is stored at once; a failed store is
 * kept and tried again on the next change or on Try again.
 */
export function useAutosave<T>(options: AutosaveOptions<T>) {
  const { schema } = options
  const [draft, setDraft] = useState<T>(options.restored ?? options.stored)
  const [saved, setSaved] = useState<T>(options.stored)
  const [failure, setFailure] = useState<string | null>(null)
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set())
  const [showAll, setShowAll] = useState(!options.isNew || options.restored !== undefined)
  const latest = useRef(options)
  useEffect(() => {
    latest.current = options
  })
  const pending = useRef<Job<T> | undefined>(undefined)
  const hasDraft = useRef(options.restored !== undefined)

  const parsed = useMemo(() => schema.safeParse(draft), [schema, draft])
  const errors: FieldErrors = useMemo(() => fieldErrors(parsed.success ? undefined : parsed.error), [parsed])

  const flush = useCallback(async () => {
    const job = pending.current
    if (job === undefined) return
    let outcome: Outcome<unknown>
    try {
      outcome = await job.run()
    } catch (error) {
      // Storage refusals arrive as values; anything thrown is still said, never swallowed.
      outcome = { ok: false, problem: storageProblem(error) ?? { code: 'storage-failed', message: messageOf(error) } }
    }
    // A refused job stays pending: the next change replaces it, Try again or leaving runs it again.
    if (!outcome.ok) return setFailure(describeProblem(outcome.problem))
    if (pending.current === job) pending.current = undefined
    setFailure(null)
  }, [])

  useEffect(() => {
    if (draft === saved) {
      pending.current = undefined
      return undefined
    }
    if (parsed.success) {
      const value = parsed.data
      pending.current = {
        draft,
        run: async () => {
          const saved = await latest.current.save(value)
          if (!saved.ok) return saved
          setSaved(draft)
          if (hasDraft.current) {
            hasDraft.current = false
            await latest.current.discardDraft?.()
          }
          return saved
        },
      }
    } else if (latest.current.keepDraft) {
      pending.current = {
        draft,
        run: async () => {
          const kept = (await latest.current.keepDraft?.(draft)) ?? ok(undefined)
          if (kept.ok) hasDraft.current = true
          return kept
        },
      }
    } else {
      pending.current = undefined
      return undefined
    }
    const timer = setTimeout(() => void flush(), saveDelayMs)
    return () => clearTimeout(timer)
  }, [parsed, draft, saved, flush])

  useFlushOnLeave(flush)

  const update = useCallback((change: (current: T) => T, field?: string) => {
    setDraft((current) => change(current))
    if (field !== undefined) setTouched((current) => new Set(current).add(field))
  }, [])

  /** Throws away unsaved contents and returns to the stored record. */
  const discard = useCallback(async () => {
    pending.current = undefined
    hasDraft.current = false
    // The stored record shows at once; the kept draft is removed behind it.
    setDraft(saved)
    setFailure(null)
    await latest.current.discardDraft?.()
  }, [saved])

  const status: SaveStatus = failure
    ? { kind: 'failed', message: failure }
    : !parsed.success
      ? { kind: 'invalid', count: parsed.error.issues.length }
      : draft === saved
        ? { kind: 'saved' }
        : { kind: 'pending' }

  const visibleError = useCallback(
    (field: string) =>
      showAll || [...touched].some((t) => field === t || field.startsWith(`${t}.`)) ? errors.get(field) : undefined,
    [errors, showAll, touched],
  )

  return {
    draft,
    update,
    status,
    errors,
    visibleError,
    revealErrors: () => setShowAll(true),
    retry: () => void flush(),
    discard,
    /** True once the record exists in storage (it was loaded from there, or saved since). */
    exists: !options.isNew || saved !== options.stored,
  }
}
