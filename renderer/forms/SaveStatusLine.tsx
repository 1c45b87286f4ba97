import { assertNever } from '../../core/assert-never'
import type { SaveStatus } from './use-autosave'

/** Tells the person, politely and at once, whether what they typed is stored. */
export function SaveStatusLine({ status, onShowProblems }: { status: SaveStatus; onShowProblems?: () => void }) {
  const text = describe(status)
  return (
    <p className={`save-status save-${status.kind}`} role="status" aria-live="polite">
      {text}
      {status.kind === 'invalid' && onShowProblems ? (
        <>
          {' '}
          <button type="button" className="link" onClick={onShowProblems}>
            Show what is missing
          </button>
        </>
      ) : null}
    </p>
  )
}

function describe(status: SaveStatus): string {
  switch (status.kind) {
    case 'saved':
      return 'All changes saved.'
    case 'pending':
      return 'Saving…'
    case 'invalid':
      return `Not saved: ${status.count === 1 ? 'one field needs' : `${status.count} fields need`} attention.`
    case 'failed':
      return `Not saved: ${status.message}`
    default:
      return assertNever(status)
  }
}
