import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { z } from 'zod'
import { fieldErrors, type FieldErrors } from './field-errors'

export type SaveStatus =
  | { readonly kind: 'saved' }
  | { readonly kind: 'pending' }
  | { readonly kind: 'invalid'; readonly count: number }
  | { readonly kind: 'failed'; readonly message: string }

const saveDelayMs = 250

/**
 * Holds an editable copy of a record and saves it shortly after each change,
 * but only when the model's schema accepts it: nothing invalid is ever saved.
 * A change still waiting when the editor closes, or the window hides, is saved at once.
 */
export function useAutosave<T>(options: {
  readonly initial: T
  readonly schema: z.ZodType<T>
  readonly save: (value: T) => Promise<unknown>
  /** A record that was never saved starts quiet: its errors show only once a field is touched. */
  readonly isNew?: boolean
}) {
  const { schema } = options
  const [draft, setDraft] = useState<T>(options.initial)
  const [saved, setSaved] = useState<T>(options.initial)
  const [failure, setFailure] = useState<string | null>(null)
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set())
  const [showAll, setShowAll] = useState(!options.isNew)
  const saveRef = useRef(options.save)
  useEffect(() => {
    saveRef.current = options.save
  })
  /** The valid draft waiting for its timer, with the parsed value to store. */
  const pending = useRef<{ readonly draft: T; readonly value: T } | undefined>(undefined)

  const parsed = useMemo(() => schema.safeParse(draft), [schema, draft])
  const errors: FieldErrors = useMemo(() => fieldErrors(parsed.success ? undefined : parsed.error), [parsed])

  const flush = useCallback(async () => {
    const job = pending.current
    if (job === undefined) return
    pending.current = undefined
    try {
      await saveRef.current(job.value)
      setSaved(job.draft)
      setFailure(null)
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error))
    }
  }, [])

  useEffect(() => {
    if (!parsed.success || draft === saved) {
      pending.current = undefined
      return undefined
    }
    pending.current = { draft, value: parsed.data }
    const timer = setTimeout(() => void flush(), saveDelayMs)
    return () => clearTimeout(timer)
  }, [parsed, draft, saved, flush])

  // Closing the editor, or the window, must not drop a valid change still waiting for its timer.
  useEffect(() => {
    const onHide = () => void flush()
    window.addEventListener('pagehide', onHide)
    return () => {
      window.removeEventListener('pagehide', onHide)
      void flush()
    }
  }, [flush])

  const update = useCallback((change: (current: T) => T, field?: string) => {
    setDraft((current) => change(current))
    if (field !== undefined) setTouched((current) => new Set(current).add(field))
  }, [])

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

  return { draft, update, status, errors, visibleError, revealErrors: () => setShowAll(true) }
}
