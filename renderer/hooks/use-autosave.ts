import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { z } from 'zod'
import { describeProblem, ok, type Outcome } from '../../core/outcome'
import { storageProblem } from '../storage/storage-problems'
import { fieldErrors, type FieldErrors } from '../ui/field-errors'
import { typingInProgress, useOnFieldLeave } from './field-leave'
import { useFlushOnLeave } from './use-flush-on-leave'
import { messageOf } from '../../core/text/message-of'

export type SaveStatus =
  | { readonly kind: 'saved' }
  | { readonly kind: 'pending' }
  /** A burst of typing not saved as the record yet; `kept`: the draft holding what is on screen is on disk. */
  | { readonly kind: 'editing'; readonly kept: boolean }
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
  /** Keeps contents that are not saved as the record yet, so nothing typed is lost; dropped once the record is saved. */
  readonly keepDraft?: (value: T) => Promise<Outcome<unknown>>
  /**
   * Notes contents the moment they are typed, somewhere synchronous (the journal), before they wait for the
   * draft write in flight: a window killed then still finds them. The next draft write settles the note.
   */
  readonly noteDraft?: (value: T) => void
  readonly discardDraft?: () => Promise<unknown>
  /** A record that was never saved starts quiet: its errors show only once a field is touched. */
  readonly isNew?: boolean
}

/** Typing that stops this long ends its burst: the record is saved (validated, audited) as if the field were left. */
export const burstIdleMs = 3000

const failureOf = (error: unknown): Outcome<never> => ({
  ok: false,
  // Storage refusals arrive as values; anything thrown is still said, never swallowed.
  problem: storageProblem(error) ?? { code: 'storage-failed', message: messageOf(error) },
})

const isRefusal = (value: unknown): value is Outcome<never> =>
  typeof value === 'object' && value !== null && 'ok' in value && value.ok === false && 'problem' in value

async function run(work: () => Promise<Outcome<unknown>>): Promise<Outcome<unknown>> {
  try {
    return await work()
  } catch (error) {
    return failureOf(error)
  }
}

/**
 * Holds an editable copy of a record and keeps it on disk as it is typed. Every
 * change is written at once as a draft (strict durability, not audited), so a
 * window killed mid-word comes back with what was typed. The record itself is
 * saved (validated and audited) once per edit: a burst of typing in a field ends
 * when the field is left, the editor closes, the window hides, `flush()` is
 * called, or typing stops for burstIdleMs; a change made outside a text field (a
 * box ticked, a row removed, a choice picked) is an edit of its own, saved at
 * once. Then the draft is dropped. Contents that do not pass the model's schema
 * stay a draft, never a record. One write at a time, the newest contents next:
 * the draft, the record and the discard never race. "All changes saved." shows
 * only once the record holding what is on screen committed; a failed write is
 * said, kept, and tried again on the next change, on Try again, or on leaving.
 */
export function useAutosave<T>(options: AutosaveOptions<T>) {
  const { schema } = options
  const [draft, setDraft] = useState<T>(options.restored ?? options.stored)
  const draftRef = useRef<T>(draft)
  const [saved, setSaved] = useState<T>(options.stored)
  const savedRef = useRef<T>(options.stored)
  // What the draft row holds now (undefined: no draft row), as state for the words and as a ref for the writer.
  const [kept, setKept] = useState<T | undefined>(options.restored)
  const keptRef = useRef<T | undefined>(options.restored)
  const [failure, setFailure] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set())
  const [showAll, setShowAll] = useState(!options.isNew || options.restored !== undefined)
  const latest = useRef(options)
  useEffect(() => {
    latest.current = options
  })
  /** The newest contents not stored as the record yet (undefined: the record holds what is on screen). */
  const wanted = useRef<T | undefined>(options.restored)
  // Record saves asked for (a burst ended) and answered: a save is due while asked > answered.
  const asked = useRef(0)
  const answered = useRef(0)
  const running = useRef<Promise<void> | undefined>(undefined)
  const idle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  // The record as read from storage passed the schema when it was written: on a large record (a plan of
  // thousands of cases) checking it again is most of the editor's first paint, so it is taken as it is.
  const [asStored] = useState<T | undefined>(() => (options.isNew ? undefined : options.stored))
  // The record as stored when the editor opened: what "Discard these changes" returns to.
  const [openedAs] = useState<T>(options.stored)
  const parsed = useMemo(
    () => (draft === asStored ? ({ success: true, data: draft } as const) : schema.safeParse(draft)),
    [schema, draft, asStored],
  )
  const errors: FieldErrors = useMemo(() => fieldErrors(parsed.success ? undefined : parsed.error), [parsed])

  const keep = (value: T | undefined) => {
    keptRef.current = value
    setKept(value)
  }

  /** The next write that brings storage closer to what is wanted, or undefined when it holds it. */
  const nextStep = (): (() => Promise<Outcome<unknown>>) | undefined => {
    const want = wanted.current
    if (want === undefined) {
      answered.current = asked.current
      if (keptRef.current === undefined) return undefined
      return async () => {
        const done = await latest.current.discardDraft?.()
        // A draft left behind would be restored over the newer record next time: a failed discard is tried again.
        if (isRefusal(done)) return done
        keep(undefined)
        return ok(undefined)
      }
    }
    const { keepDraft } = latest.current
    if (keptRef.current !== want && keepDraft) {
      return async () => {
        const done = await keepDraft(want)
        if (done.ok) keep(want)
        return done
      }
    }
    if (asked.current <= answered.current) return undefined
    const valid = latest.current.schema.safeParse(want)
    // Nothing invalid is ever saved as the record: it stays a draft until it is put right.
    if (!valid.success) {
      answered.current = asked.current
      return undefined
    }
    const request = asked.current
    return async () => {
      const done = await latest.current.save(valid.data)
      if (!done.ok) return done
      answered.current = Math.max(answered.current, request)
      savedRef.current = want
      setSaved(want)
      // Contents typed meanwhile are a burst of their own, kept as a draft until it ends.
      if (wanted.current === want) wanted.current = undefined
      return done
    }
  }

  /** Writes until storage holds what is wanted; resolves once it does, or a write failed. */
  const pump = useCallback((): Promise<void> => {
    if (running.current) return running.current
    const loop = async () => {
      for (;;) {
        const step = nextStep()
        if (step === undefined) return
        const outcome = await run(step)
        if (!outcome.ok) {
          // Kept on screen and in `wanted`: the next change, Try again or leaving writes it again.
          setFailure(describeProblem(outcome.problem))
          answered.current = asked.current
          return
        }
        setFailure(null)
      }
    }
    // Cleared in a callback, which runs after the assignment below even when the loop had nothing to write.
    const work = loop().finally(() => {
      running.current = undefined
      setSaving(false)
    })
    running.current = work
    return work
  }, []) // eslint-disable-line react-hooks/exhaustive-deps -- reads only refs

  /** Ends the burst of typing: saves the record now (when valid), and resolves once it is stored or refused. */
  const flush = useCallback(async () => {
    clearTimeout(idle.current)
    if (wanted.current !== undefined) {
      asked.current += 1
      setSaving(true)
    }
    // A write under way finishes first; the loop then takes this request too.
    await pump()
    if (asked.current > answered.current) await pump()
  }, [pump])

  useEffect(() => () => clearTimeout(idle.current), [])
  useFlushOnLeave(flush)
  useOnFieldLeave(flush)

  const update = useCallback(
    (change: (current: T) => T, field?: string) => {
      const next = change(draftRef.current)
      draftRef.current = next
      setDraft(next)
      if (field !== undefined) setTouched((current) => new Set(current).add(field))
      wanted.current = next
      latest.current.noteDraft?.(next)
      clearTimeout(idle.current)
      if (!typingInProgress()) {
        void flush()
        return
      }
      void pump()
      idle.current = setTimeout(() => void flush(), burstIdleMs)
    },
    [flush, pump],
  )

  /**
   * Throws away the contents restored from an earlier visit (and anything typed since) and returns to the record as
   * it was stored when the editor opened; the draft row goes through the same writer. Leaving a field may already
   * have saved the restored contents (clicking Discard leaves the field first): then the record is saved back, audited.
   */
  const discard = useCallback(async () => {
    clearTimeout(idle.current)
    const back = openedAs
    draftRef.current = back
    setDraft(back)
    setFailure(null)
    // Nothing of the restored contents stored, nor on its way (a write under way may be the save of them).
    const untouched = savedRef.current === back && running.current === undefined && asked.current <= answered.current
    if (untouched || options.isNew) {
      // The stored record shows at once; the kept draft is removed behind it.
      wanted.current = undefined
    } else {
      wanted.current = back
      asked.current += 1
      setSaving(true)
    }
    await pump()
  }, [pump, openedAs, options.isNew])

  const status: SaveStatus = failure
    ? { kind: 'failed', message: failure }
    : !parsed.success
      ? // "kept as a draft" only once the draft holding what is on screen is on disk.
        { kind: 'invalid', count: parsed.error.issues.length, kept: kept === draft }
      : draft === saved
        ? { kind: 'saved' }
        : saving
          ? { kind: 'pending' }
          : { kind: 'editing', kept: kept === draft }

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
    /** Ends a burst of typing: the record is saved now. Every field calls it when it is left. */
    flush,
    retry: () => void flush(),
    discard,
    /** True once the record exists in storage (it was loaded from there, or saved since). */
    exists: !options.isNew || saved !== options.stored,
  }
}
