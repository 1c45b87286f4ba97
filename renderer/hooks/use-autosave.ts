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
  /** `kept`: the draft holding what is on screen is on disk. */
  | { readonly kind: 'invalid'; readonly count: number; readonly kept: boolean }
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

/** The newest contents not stored as the record yet; `value` is the record they make, when valid. */
type Wanted<T> = { readonly draft: T; readonly value: T | undefined }

/** Typing that pauses this long saves the record (validated, audited); the draft underneath is written at once. */
const recordDelayMs = 150

const failureOf = (error: unknown): Outcome<never> => ({
  ok: false,
  // Storage refusals arrive as values; anything thrown is still said, never swallowed.
  problem: storageProblem(error) ?? { code: 'storage-failed', message: messageOf(error) },
})

const isRefusal = (value: unknown): value is Outcome<never> =>
  typeof value === 'object' && value !== null && 'ok' in value && value.ok === false && 'problem' in value

async function run(work: () => Promise<Outcome<unknown>> | undefined): Promise<Outcome<unknown>> {
  try {
    return (await work()) ?? ok(undefined)
  } catch (error) {
    return failureOf(error)
  }
}

/**
 * Holds an editable copy of a record and keeps it on disk as it is typed. Every
 * change is written at once as a draft (strict durability, not audited), so a
 * window killed mid-word comes back with what was typed; when typing pauses
 * briefly, the record itself is saved (validated and audited: one audit entry
 * per pause, not per keystroke) and the draft dropped. Contents that do not pass
 * the model's schema stay a draft, never a record. One write at a time, the
 * newest contents next: the draft, the record and the discard never race.
 * "All changes saved." shows only once the record holding what is on screen
 * committed; a failed write is said, kept, and tried again on the next change,
 * on Try again, or when the editor closes or the window hides.
 */
export function useAutosave<T>(options: AutosaveOptions<T>) {
  const { schema } = options
  const [draft, setDraft] = useState<T>(options.restored ?? options.stored)
  const [saved, setSaved] = useState<T>(options.stored)
  // What the draft row holds now (undefined: no draft row), as state for the words and as a ref for the writer.
  const [kept, setKept] = useState<T | undefined>(options.restored)
  const keptRef = useRef<T | undefined>(options.restored)
  const [failure, setFailure] = useState<string | null>(null)
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set())
  const [showAll, setShowAll] = useState(!options.isNew || options.restored !== undefined)
  const latest = useRef(options)
  useEffect(() => {
    latest.current = options
  })
  const wanted = useRef<Wanted<T> | undefined>(undefined)
  const running = useRef(false)
  const again = useRef(false)

  const parsed = useMemo(() => schema.safeParse(draft), [schema, draft])
  const errors: FieldErrors = useMemo(() => fieldErrors(parsed.success ? undefined : parsed.error), [parsed])

  /** Writes until storage holds what is wanted; `now` saves the record too (the pause came, or the editor closes). */
  const pump = useCallback(async (now: boolean) => {
    if (running.current) {
      again.current = again.current || now
      return
    }
    running.current = true
    let force = now
    const keep = (value: T | undefined) => {
      keptRef.current = value
      setKept(value)
    }
    try {
      for (;;) {
        const want = wanted.current
        const step: (() => Promise<Outcome<unknown>> | undefined) | undefined =
          want === undefined
            ? keptRef.current === undefined
              ? undefined
              : async () => {
                  const done = await latest.current.discardDraft?.()
                  // A draft left behind would be restored over the newer record next time: a failed discard is tried again.
                  if (isRefusal(done)) return done
                  keep(undefined)
                  return ok(undefined)
                }
            : keptRef.current !== want.draft && latest.current.keepDraft
              ? async () => {
                  const done = (await latest.current.keepDraft?.(want.draft)) ?? ok(undefined)
                  if (done.ok) keep(want.draft)
                  return done
                }
              : want.value !== undefined && (force || again.current)
                ? async () => {
                    const done = await latest.current.save(want.value as T)
                    if (!done.ok) return done
                    setSaved(want.draft)
                    if (wanted.current === want) wanted.current = undefined
                    // Contents typed meanwhile wait for their own pause.
                    force = false
                    return done
                  }
                : undefined
        if (step === undefined) break
        const outcome = await run(step)
        if (!outcome.ok) {
          // Kept on screen and in `wanted`: the next change, Try again or leaving writes it again.
          setFailure(describeProblem(outcome.problem))
          break
        }
        setFailure(null)
        force = force || again.current
        again.current = false
      }
    } finally {
      running.current = false
    }
  }, [])

  const flush = useCallback(() => pump(true), [pump])

  useEffect(() => {
    if (draft === saved) {
      wanted.current = undefined
      void pump(false)
      return undefined
    }
    // Nothing invalid is ever saved as the record; without a draft store it simply waits on screen.
    wanted.current = { draft, value: parsed.success ? parsed.data : undefined }
    void pump(false)
    if (!parsed.success) return undefined
    // Cleared by the next change: when it fires, typing paused.
    const timer = setTimeout(() => void pump(true), recordDelayMs)
    return () => clearTimeout(timer)
  }, [parsed, draft, saved, pump])

  useFlushOnLeave(flush)

  const update = useCallback((change: (current: T) => T, field?: string) => {
    setDraft((current) => change(current))
    if (field !== undefined) setTouched((current) => new Set(current).add(field))
  }, [])

  /** Throws away unsaved contents and returns to the stored record; the draft row goes through the same writer. */
  const discard = useCallback(async () => {
    wanted.current = undefined
    // The stored record shows at once; the kept draft is removed behind it.
    setDraft(saved)
    setFailure(null)
    await pump(true)
  }, [saved, pump])

  const status: SaveStatus = failure
    ? { kind: 'failed', message: failure }
    : !parsed.success
      ? // "kept as a draft" only once the draft holding what is on screen is on disk.
        { kind: 'invalid', count: parsed.error.issues.length, kept: kept === draft }
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
