import { useEffect, useSyncExternalStore } from 'react'
import type { AutomaticBackups } from './automatic-backups'
import './DailyBackups.css'

/**
 * Runs the daily automatic backups while the app is shown, and says when one
 * failed, until the person dismisses it or the next one succeeds.
 */
export function DailyBackups({ backups }: { backups: AutomaticBackups }) {
  useEffect(() => backups.start(), [backups])
  const status = useSyncExternalStore(
    (listener) => backups.subscribe(listener),
    () => backups.status(),
  )
  if (status.state !== 'failed') return null
  return (
    <div className="notice automatic-backup-notice" role="alert">
      <p>
        <strong>{status.message}</strong>
      </p>
      <p>The lab’s data is unchanged. WWA Lab tries again within the hour; you can also back up now in Settings.</p>
      <button type="button" onClick={() => backups.dismiss()}>
        Dismiss
      </button>
    </div>
  )
}
