import { useId } from 'react'
import { BackupProgress } from './BackupProgress'
import type { RestoreState } from './use-restore'

/** What the person is told: the old database stays. Said beside every way to restore. */
export const oldDatabaseKept =
  'A restore never overwrites the lab’s data: the backup goes into a new database, and the database in use until now is kept on this computer, unchanged.'

/** A restore from useRestore as it goes: the question when the current data is newer, progress with Cancel, and how it ended. */
export function RestoreFlow({
  state,
  onAnswer,
  onCancel,
}: {
  state: RestoreState
  onAnswer: (restoreAnyway: boolean) => void
  onCancel: () => void
}) {
  const titleId = useId()
  const textId = useId()
  return (
    <div className="restore-flow">
      {state.phase === 'asking' ? (
        <div className="backup-ask" role="alertdialog" aria-labelledby={titleId} aria-describedby={textId}>
          <p id={titleId}>
            <strong>Restore {state.opened.reader.fileName} over newer data?</strong>
          </p>
          <div id={textId}>
            <p>{state.newerData}</p>
            <p>
              After the restore the lab shows what the backup holds, so those changes would no longer be shown. WWA Lab
              first backs up the current data, and keeps its database.
            </p>
          </div>
          <div className="backup-ask__buttons">
            {/* Cancel is the default: Enter on the question does nothing to the data. */}
            <button type="button" autoFocus onClick={() => onAnswer(false)}>
              Cancel
            </button>
            <button type="button" onClick={() => onAnswer(true)}>
              Restore anyway
            </button>
          </div>
        </div>
      ) : null}
      {state.phase === 'working' ? <BackupProgress progress={state.progress} onCancel={onCancel} /> : null}
      <p role="status" className={`backup-status${state.phase === 'restored' ? ' backup-status--done' : ''}`}>
        {state.phase === 'opening'
          ? 'Opening the backup and checking its manifest…'
          : state.phase === 'restored'
            ? 'Restored and checked. WWA Lab starts again on the restored data.'
            : state.phase === 'canceled'
              ? state.message
              : ''}
      </p>
      {state.phase === 'failed' ? (
        <p role="alert" className="backup-error">
          {state.message}
        </p>
      ) : null}
    </div>
  )
}
