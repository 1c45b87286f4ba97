import { assertNever } from '../../../core/assert-never'
import { formatBytes } from '../../../core/format-bytes'
import type { BackupActions } from './backup-actions'
import { BackupProgress } from './BackupProgress'
import { useBackUpNow, type BackUpNowState } from './use-back-up-now'

/** backup-2026-03-01.zip: the name the save dialog suggests, by today's date. */
const suggestedName = () => `wwa-lab-backup-${new Date().toISOString().slice(0, 10)}.zip`

function words(state: BackUpNowState): string {
  switch (state.phase) {
    case 'idle':
    case 'failed':
    case 'working':
      return ''
    case 'choosing':
      return 'Choose where to save the backup.'
    case 'saved':
      return `Backed up to ${state.written.path} (${formatBytes(state.written.size)}).`
    case 'canceled':
      return state.message
    default:
      return assertNever(state)
  }
}

/** "Back up now" to a file the person chooses, with progress, Cancel, and how it ended. */
export function BackUpNow({ actions, onDone }: { actions: BackupActions; onDone?: () => void }) {
  const { state, start, cancel } = useBackUpNow(actions, suggestedName, onDone)
  const busy = state.phase === 'choosing' || state.phase === 'working'
  return (
    <div>
      <button type="button" onClick={() => void start()} disabled={busy}>
        Back up now
      </button>
      {state.phase === 'working' ? <BackupProgress progress={state.progress} onCancel={cancel} /> : null}
      <p role="status" className={`backup-status${state.phase === 'saved' ? ' backup-status--done' : ''}`}>
        {words(state)}
      </p>
      {state.phase === 'failed' ? (
        <p role="alert" className="backup-error">
          {state.message}
        </p>
      ) : null}
    </div>
  )
}
