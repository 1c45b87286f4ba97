import { useEffect, useSyncExternalStore } from 'react'
import { afterFirstPaint } from './after-first-paint'
import type { AutomaticBackups } from './automatic-backups'
import './DailyBackups.css'

/**
 * Runs the daily automatic backups while the app is shown (with `delayMs`, the
 * first look once the window has painted and that long has passed), and says when one
 * failed, until the person dismisses it or the next one succeeds.
 */
export function DailyBackups({ backups, delayMs = 0 }: { backups: AutomaticBackups; delayMs?: number }) {
  // The window looks first once the screen has painted: a backup reads the whole lab, which must not delay the screen.
  useEffect(() => {
    if (delayMs === 0) return backups.start()
    let stop: (() => void) | undefined
    const cancel = afterFirstPaint(() => (stop = backups.start()), delayMs)
    return () => {
      cancel()
      stop?.()
    }
  }, [backups, delayMs])
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
