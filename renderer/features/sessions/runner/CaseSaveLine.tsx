import { isLasting } from '../../../../core/outcome'
import type { CaseSaveState } from './case-writes'
import { saveStateWords } from './save-words'

type Props = {
  readonly caseId: string
  readonly state: CaseSaveState | undefined
  readonly onRetry: () => void
}

const statusClass = { saving: 'status-pending', saved: 'status-good', failed: 'status-bad' } as const

/**
 * Whether the selected case's verdict and notes are on disk. It is not a live
 * region itself (it changes on every keystroke); the runner's one polite
 * announcement tells a screen reader once things settle.
 */
export function CaseSaveLine({ caseId, state, onRetry }: Props) {
  if (state === undefined) return <p className="case-save-state muted">No changes yet.</p>
  return (
    <p className={`case-save-state ${statusClass[state.kind]}`} data-case={caseId} data-state={state.kind}>
      {saveStateWords(state)}{' '}
      {state.kind === 'failed' && !isLasting(state.problem) ? (
        <button type="button" className="link" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </p>
  )
}
