import { assertNever } from '../../../core/assert-never'
import { formatBytes } from '../../../core/format-bytes'
import type { FileSaveState } from './use-file-save'
import './FileSaveProgress.css'

/** "120 MiB of 300 MiB", or "120 MiB" when the size is not known ahead. */
export function savedSoFar(written: number, total: number | undefined): string {
  return total === undefined ? formatBytes(written) : `${formatBytes(written)} of ${formatBytes(total)}`
}

/**
 * What the polite status line says: one sentence per phase, so a screen reader
 * hears that a save started and how it ended, not every chunk. The amount so
 * far is on the progress bar, where it can be read at any moment.
 */
function announcement(state: FileSaveState): string {
  switch (state.phase) {
    case 'idle':
    case 'failed':
      return ''
    case 'choosing':
      return `Choose where to save ${state.name}.`
    case 'saving':
      return state.total === undefined ? `Saving ${state.name}…` : `Saving ${state.name} (${formatBytes(state.total)})…`
    case 'saved':
      return `Saved ${state.name} (${formatBytes(state.size)}).`
    case 'canceled':
      return `Saving ${state.name} was cancelled. Nothing was saved; any earlier file is unchanged.`
    default:
      return assertNever(state)
  }
}

/** A save under way (a bar, how much, Cancel) and how it ended, for a file saved with useFileSave. */
export function FileSaveProgress({
  state,
  onCancel,
}: {
  readonly state: FileSaveState
  readonly onCancel: () => void
}) {
  const saving = state.phase === 'saving' ? state : undefined
  const amount = saving ? savedSoFar(saving.written, saving.total) : ''
  return (
    <div className={`file-save-progress file-save-progress--${state.phase}`}>
      {/* Always present, so the first sentence put in it is announced too. */}
      <p role="status" className="file-save-progress__status">
        {announcement(state)}
      </p>
      {saving ? (
        <div className="file-save-progress__bar">
          <progress
            aria-label={`Saving ${saving.name}`}
            aria-valuetext={amount}
            // Without a size ahead (or for an empty file) the bar moves without claiming a share.
            max={saving.total !== undefined && saving.total > 0 ? saving.total : undefined}
            value={saving.total !== undefined && saving.total > 0 ? saving.written : undefined}
          />
          <span className="file-save-progress__amount" aria-hidden="true">
            {amount}
          </span>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      ) : null}
      {state.phase === 'failed' ? (
        <p role="alert" className="file-save-progress__error">
          {state.message}
        </p>
      ) : null}
    </div>
  )
}
