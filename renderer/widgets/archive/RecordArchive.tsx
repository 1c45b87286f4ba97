import { useEffect, useRef, useState } from 'react'
import { assertNever } from '../../../core/assert-never'
import { describeProblem, type Outcome, type Problem } from '../../../core/outcome'
import { dates } from '../../app/lab-dates'
import { href, navigate } from '../../app/route'
import type { Section } from '../../app/sections'
import { ConfirmPanel } from '../../ui/ConfirmPanel'
import type { Archived } from '../../../core/model/fields'
import type { ArchiveState, ArchiveTarget } from './archive-target'
import './RecordArchive.css'

/** What the controls are asking or saying, besides the buttons. */
type Asking =
  | { readonly kind: 'none' }
  | { readonly kind: 'delete' }
  /** Deleting was refused because something refers to the record: say what, and offer to archive instead. */
  | { readonly kind: 'refused'; readonly problem: Problem }
  | { readonly kind: 'failed'; readonly message: string }

const none: Asking = { kind: 'none' }

/**
 * A stored record's archive state and actions, at the top of its page. An active
 * record offers Archive and Delete…; an archived one says when and by whom it was
 * archived and offers Restore. Deleting asks first, and when something refers to
 * the record it says what and offers to archive it instead.
 */
export function RecordArchive({
  target,
  state,
  section,
  focusOnOpen = false,
}: {
  target: ArchiveTarget
  /**
   * The record as stored now (the page reads it live); null while a new one is not stored yet: the buttons are then
   * shown, disabled, so that they do not push the page down under the pointer at the first save.
   */
  state: ArchiveState | null
  section: Section
  /** Puts the cursor on Archive/Restore when the controls are drawn (the page was read again after a Restore). */
  focusOnOpen?: boolean
}) {
  const [asking, setAsking] = useState<Asking>(none)
  const [busy, setBusy] = useState(false)
  // Where the cursor goes once a question closes: it must not fall back to the top of the page.
  const toggleButton = useRef<HTMLButtonElement>(null)
  const deleteButton = useRef<HTMLButtonElement>(null)
  // Set when archiving from the question: focused once the buttons are enabled again.
  const focusToggle = useRef(focusOnOpen)
  useEffect(() => {
    if (busy || !focusToggle.current) return
    focusToggle.current = false
    toggleButton.current?.focus()
  })

  const run = async (work: () => Promise<Outcome<void>>, done?: () => void) => {
    setBusy(true)
    try {
      const outcome = await work()
      if (outcome.ok) {
        setAsking(none)
        done?.()
      } else if (outcome.problem.code === 'not-allowed') setAsking({ kind: 'refused', problem: outcome.problem })
      else setAsking({ kind: 'failed', message: describeProblem(outcome.problem) })
    } finally {
      setBusy(false)
    }
  }
  const askToDelete = () => run(target.checkRemove, () => setAsking({ kind: 'delete' }))
  const remove = () => run(target.remove, () => navigate(href(section)))

  return (
    <div className="record-archive">
      {state?.archived ? <ArchivedNotice archived={state.archived} /> : null}
      <div className="record-archive__buttons">
        {state?.archived ? (
          <button ref={toggleButton} type="button" disabled={busy} onClick={() => void run(target.restore)}>
            Restore {target.what}
          </button>
        ) : (
          <button
            ref={toggleButton}
            type="button"
            disabled={busy || state === null}
            onClick={() => void run(target.archive)}
          >
            Archive {target.what}
          </button>
        )}
        <button ref={deleteButton} type="button" disabled={busy || state === null} onClick={() => void askToDelete()}>
          Delete {target.what}…
        </button>
      </div>
      {state === null ? null : (
        <Question
          asking={asking}
          state={state}
          what={target.what}
          onDelete={() => void remove()}
          onArchive={() =>
            void run(target.archive, () => {
              focusToggle.current = true
            })
          }
          onCancel={() => {
            setAsking(none)
            deleteButton.current?.focus()
          }}
        />
      )}
    </div>
  )
}

function ArchivedNotice({ archived }: { archived: Archived }) {
  return (
    <p className="notice" role="status">
      <strong>
        Archived on {dates.day(archived.at)} by {archived.by.name}.
      </strong>{' '}
      It is left out of lists and pickers and cannot be changed; its page, its history and the sessions that used it
      stay. Restore brings it back, to use and to edit.
    </p>
  )
}

function Question({
  asking,
  state,
  what,
  onDelete,
  onArchive,
  onCancel,
}: {
  asking: Asking
  state: ArchiveState
  what: string
  onDelete: () => void
  onArchive: () => void
  onCancel: () => void
}) {
  switch (asking.kind) {
    case 'none':
      return null
    case 'failed':
      return (
        <p className="field-error" role="alert">
          {asking.message}
        </p>
      )
    case 'delete':
      return (
        <ConfirmPanel
          title={`Delete ${state.name}?`}
          confirmLabel={`Delete ${state.name}`}
          cancelLabel="Keep it"
          onConfirm={onDelete}
          onCancel={onCancel}
        >
          <p>
            {`Nothing else in the lab refers to this ${what}, so it can be removed for good. Its audit trail keeps the entries of what was done to it, and this deletion.`}
          </p>
        </ConfirmPanel>
      )
    case 'refused':
      // An archived record is already out of the way: only the reason is left to say.
      return state.archived ? (
        <p className="field-error" role="alert">
          {describeProblem(asking.problem)}
        </p>
      ) : (
        <ConfirmPanel
          title={`${state.name} cannot be deleted; archive it instead?`}
          confirmLabel="Archive instead"
          cancelLabel="Keep it"
          onConfirm={onArchive}
          onCancel={onCancel}
        >
          <p>{describeProblem(asking.problem)}</p>
        </ConfirmPanel>
      )
    default:
      return assertNever(asking)
  }
}
