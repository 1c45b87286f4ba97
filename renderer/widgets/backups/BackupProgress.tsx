import { formatBytes } from '../../../core/format-bytes'
import type { BackupStep } from './backup-actions'
import './Backups.css'

const stepWords = {
  'backing-up': 'Backing up the lab’s data',
  restoring: 'Restoring the backup',
} as const

/** A backup or restore under way: what it is doing, a bar with how much is done, and Cancel. */
export function BackupProgress({ progress, onCancel }: { progress: BackupStep; onCancel: () => void }) {
  const amount = `${formatBytes(progress.done)} of ${formatBytes(progress.total)}`
  return (
    <div className="backup-progress">
      <progress
        aria-label={stepWords[progress.step]}
        aria-valuetext={amount}
        max={progress.total > 0 ? progress.total : undefined}
        value={progress.total > 0 ? progress.done : undefined}
      />
      <span className="backup-progress__amount" aria-hidden="true">
        {amount}
      </span>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  )
}
