import { useRef } from 'react'
import { assertNever } from '../../core/assert-never'
import type { SaveStatus, useAutosave } from '../hooks/use-autosave'
import './EditorStatus.css'
import { dates } from '../app/lab-dates'

type EditorForm = Pick<ReturnType<typeof useAutosave<unknown>>, 'status' | 'revealErrors' | 'retry' | 'discard'>

type Props = {
  readonly form: EditorForm
  /** When set, the editor opened on unsaved contents kept from this instant. */
  readonly restoredAt?: string | undefined
}

/** Tells the person, politely and at once, whether what they typed is stored, and what to do if not. */
export function EditorStatus({ form, restoredAt }: Props) {
  const { status } = form
  const line = useRef<HTMLDivElement>(null)
  const showMissing = () => {
    form.revealErrors()
    // Once the errors are drawn (a click's update is on screen by the next frame), the cursor goes to the first.
    requestAnimationFrame(() => {
      const editor = line.current?.closest('.editor, section, form') ?? document
      editor.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
    })
  }
  return (
    <div className="save-line" ref={line}>
      {restoredAt && status.kind !== 'saved' ? (
        <p className="notice">
          Restored what you typed on {dates.dateTime(restoredAt)};{' '}
          {status.kind === 'invalid'
            ? 'it is not saved yet because some fields need attention.'
            : 'it is saved when you leave the field or close the editor.'}{' '}
          <button type="button" className="link" onClick={() => void form.discard()}>
            Discard these changes
          </button>
        </p>
      ) : null}
      {/* Busy while the newest keystroke is on its way to disk: a screen reader says the line once it settles. */}
      <p
        className={`save-status ${statusClass[status.kind]}`}
        role="status"
        aria-live="polite"
        aria-busy={settling(status) || undefined}
      >
        {describe(status)}{' '}
        {status.kind === 'invalid' ? (
          <button type="button" className="link" onClick={showMissing}>
            Show what is missing
          </button>
        ) : null}
        {status.kind === 'failed' ? (
          <button type="button" className="link" onClick={form.retry}>
            Try again
          </button>
        ) : null}
      </p>
    </div>
  )
}

const statusClass: Readonly<Record<SaveStatus['kind'], string>> = {
  saved: 'status-good',
  pending: 'status-pending',
  editing: 'status-pending',
  invalid: 'status-bad',
  failed: 'status-bad',
}

/** A state that lasts only until the write under way finishes. */
const settling = (status: SaveStatus): boolean =>
  status.kind === 'pending' || ((status.kind === 'editing' || status.kind === 'invalid') && !status.kept)

function describe(status: SaveStatus): string {
  switch (status.kind) {
    case 'saved':
      return 'All changes saved.'
    case 'pending':
      return 'Saving…'
    case 'editing':
      // Worded for the whole burst, so the line does not change (and is not announced again) at every key.
      return 'Editing: what you type is kept as a draft, and saved when you leave the field.'
    case 'invalid':
      return `Not saved yet: ${status.count === 1 ? 'one field needs' : `${status.count} fields need`} attention. ${status.kept ? 'What you typed is kept as a draft.' : 'Keeping what you typed as a draft…'}`
    case 'failed':
      return `Not saved: ${status.message}`
    default:
      return assertNever(status)
  }
}
