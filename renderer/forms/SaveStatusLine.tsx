import { assertNever } from '../../core/assert-never'
import type { SaveStatus } from './use-autosave'

type Props = {
  readonly status: SaveStatus
  readonly onShowProblems: () => void
  readonly onRetry: () => void
  /** When set, the editor opened on unsaved contents kept from this instant. */
  readonly restoredAt?: string | undefined
  readonly onDiscard?: (() => void) | undefined
}

/** Tells the person, politely and at once, whether what they typed is stored, and what to do if not. */
export function SaveStatusLine({ status, onShowProblems, onRetry, restoredAt, onDiscard }: Props) {
  return (
    <div className="save-line">
      {restoredAt && status.kind !== 'saved' ? (
        <p className="notice">
          Restored what you typed on {new Date(restoredAt).toLocaleString()}; it is not saved yet because some fields need
          attention.{' '}
          {onDiscard ? (
            <button type="button" className="link" onClick={onDiscard}>
              Discard these changes
            </button>
          ) : null}
        </p>
      ) : null}
      <p className={`save-status save-${status.kind}`} role="status" aria-live="polite">
        {describe(status)}{' '}
        {status.kind === 'invalid' ? (
          <button type="button" className="link" onClick={onShowProblems}>
            Show what is missing
          </button>
        ) : null}
        {status.kind === 'failed' ? (
          <button type="button" className="link" onClick={onRetry}>
            Try again
          </button>
        ) : null}
      </p>
    </div>
  )
}

function describe(status: SaveStatus): string {
  switch (status.kind) {
    case 'saved':
      return 'All changes saved.'
    case 'pending':
      return 'Saving…'
    case 'invalid':
      return `Not saved yet: ${status.count === 1 ? 'one field needs' : `${status.count} fields need`} attention. What you typed is kept as a draft.`
    case 'failed':
      return `Not saved: ${status.message}`
    default:
      return assertNever(status)
  }
}
