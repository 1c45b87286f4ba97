import { useEffect, useState } from 'react'
import type { ListBackupsResponse } from '../../../core/bridge/backups'
import { dates } from '../../app/lab-dates'
import type { BackupActions } from './backup-actions'
import { ageInWords } from './backup-age'
import { countsInWords, newestGoodBackup, reasonInWords } from './backup-words'
import { oldDatabaseKept, RestoreFlow } from './RestoreFlow'
import { useRestore } from './use-restore'

/**
 * The recovery screen's offer: the newest good backup in main's folder (its
 * name, when it was written, what it holds) and "Restore this backup". The
 * damaged database is not read, backed up or written: the backup goes into a
 * fresh database, and the window starts again on it.
 */
export function NewestBackupOffer({ actions }: { actions: BackupActions }) {
  const [listing, setListing] = useState<ListBackupsResponse | string>()
  const restore = useRestore(actions)
  useEffect(() => {
    let live = true
    void actions.list().then((listed) => live && setListing(listed.ok ? listed.value : listed.problem.message))
    return () => {
      live = false
    }
  }, [actions])

  if (listing === undefined) return <p className="muted">Looking for backups…</p>
  if (typeof listing === 'string') return <p className="backup-error">Could not list the backups: {listing}</p>
  const newest = newestGoodBackup(listing.backups)
  if (newest?.summary == null) {
    return (
      <p>
        There is no good backup in <code>{listing.folder}</code>
        {listing.lastManual ? (
          <>
            . The last backup made with Back up now was saved to <code>{listing.lastManual.path}</code>; it can be
            restored from Settings once WWA Lab opens.
          </>
        ) : (
          '.'
        )}
      </p>
    )
  }
  const { summary } = newest
  const createdAt = new Date(summary.createdAt)
  const busy = restore.state.phase !== 'idle' && restore.state.phase !== 'failed' && restore.state.phase !== 'canceled'
  return (
    <>
      <h2>Newest good backup</h2>
      <dl className="facts">
        <dt>Backup</dt>
        <dd>{newest.name}</dd>
        <dt>Written</dt>
        <dd>
          {dates.dateTime(createdAt.toISOString())} ({ageInWords(createdAt, actions.now())},{' '}
          {reasonInWords(summary.reason)})
        </dd>
        <dt>Holds</dt>
        <dd>{countsInWords(summary.counts)}</dd>
      </dl>
      <p>{oldDatabaseKept}</p>
      <button type="button" disabled={busy} onClick={() => void restore.start({ from: 'stored', name: newest.name })}>
        Restore this backup
      </button>
      <RestoreFlow state={restore.state} onAnswer={(yes) => void restore.answer(yes)} onCancel={restore.cancel} />
    </>
  )
}
