import { useCallback, useEffect, useId, useState, type FormEvent } from 'react'
import { Generations, type ListBackupsResponse } from '../../../core/bridge/backups'
import { countOf } from '../../../core/text/plural'
import { dates } from '../../app/lab-dates'
import { useBackupActions } from '../../widgets/backups/backup-actions-context'
import { ageInWords, warnAfterMs } from '../../widgets/backups/backup-age'
import { countsInWords, lastBackupOf, reasonInWords } from '../../widgets/backups/backup-words'
import { BackUpNow } from '../../widgets/backups/BackUpNow'
import { oldDatabaseKept, RestoreFlow } from '../../widgets/backups/RestoreFlow'
import { useRestore } from '../../widgets/backups/use-restore'
import './BackupSettings.css'

/** Settings → Backups: the last backup and its age, the folder, how many are kept, Back up now, and restore. */
export function BackupSettings() {
  const actions = useBackupActions()
  const [listing, setListing] = useState<ListBackupsResponse | string>()
  const restore = useRestore(actions)

  const refresh = useCallback(() => {
    void actions.list().then((listed) => setListing(listed.ok ? listed.value : listed.problem.message))
  }, [actions])
  useEffect(refresh, [refresh])

  const now = actions.now()
  const last = typeof listing === 'object' ? lastBackupOf(listing) : null
  const busy = restore.state.phase === 'opening' || restore.state.phase === 'working'

  return (
    <section aria-labelledby="backup-settings-title" className="backup-settings">
      <h2 id="backup-settings-title">Backups</h2>
      {listing === undefined ? (
        <p className="muted">Loading…</p>
      ) : typeof listing === 'string' ? (
        <p role="alert" className="field-error">
          Could not list the backups: {listing}
        </p>
      ) : (
        <>
          <dl className="facts">
            <dt>Last backup</dt>
            <dd>
              {last === null
                ? 'None yet'
                : `${ageInWords(last.at, now)} (${last.what}, ${dates.dateTime(last.at.toISOString())}): ${last.where}`}
            </dd>
            <dt>Backup folder</dt>
            <dd>
              <code>{listing.folder}</code>
            </dd>
          </dl>
          {last === null || now.getTime() - last.at.getTime() > warnAfterMs ? (
            <p role="alert" className="notice">
              There is no backup from the last 7 days. Back up now, and keep the file somewhere other than this
              computer.
            </p>
          ) : null}
          <GenerationsForm generations={listing.generations} onSaved={refresh} />
        </>
      )}
      <BackUpNow actions={actions} onDone={refresh} />
      <h3>Restore</h3>
      <p>{oldDatabaseKept}</p>
      <button
        type="button"
        disabled={busy || restore.state.phase === 'asking'}
        onClick={() => void restore.start({ from: 'file' })}
      >
        Restore from a file…
      </button>
      <RestoreFlow state={restore.state} onAnswer={(yes) => void restore.answer(yes)} onCancel={restore.cancel} />
      {typeof listing === 'object' ? (
        <>
          <h3>Stored backups</h3>
          {listing.backups.length === 0 ? (
            <p className="muted">No automatic backup has been written yet.</p>
          ) : (
            <ul className="backup-list" aria-label="Stored backups">
              {listing.backups.map((backup) => (
                <li key={backup.name}>
                  <span className="backup-list__name">{backup.name}</span>
                  {backup.summary ? (
                    <span>
                      {' '}
                      — {reasonInWords(backup.summary.reason)}, {dates.dateTime(backup.summary.createdAt)},{' '}
                      {countsInWords(backup.summary.counts)}
                    </span>
                  ) : null}
                  {backup.problem !== null ? (
                    <p className="backup-error">Cannot be restored: {backup.problem}</p>
                  ) : null}
                  <button
                    type="button"
                    aria-label={`Restore ${backup.name}`}
                    disabled={busy || backup.problem !== null || restore.state.phase === 'asking'}
                    onClick={() => void restore.start({ from: 'stored', name: backup.name })}
                  >
                    Restore
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  )
}

/** How many automatic backups main keeps: saved on Keep, never as typed (saving prunes, and "1" on the way to "10" would cost backups). */
function GenerationsForm({ generations, onSaved }: { generations: number; onSaved: () => void }) {
  const actions = useBackupActions()
  const [text, setText] = useState(String(generations))
  const [message, setMessage] = useState<{ readonly error: boolean; readonly text: string }>()
  const hintId = useId()
  const inputId = useId()
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const number = text.trim() === '' ? Number.NaN : Number(text)
    const parsed = Generations.safeParse(number)
    if (!parsed.success) {
      const words = Number.isNaN(number)
        ? 'Enter a whole number from 1 to 100.'
        : (parsed.error.issues[0]?.message ?? 'Enter a whole number from 1 to 100.')
      setMessage({ error: true, text: words })
      return
    }
    const saved = await actions.setGenerations(parsed.data)
    if (!saved.ok) return setMessage({ error: true, text: `Not saved: ${saved.problem.message}` })
    const removed = saved.value.pruned.length
    setMessage({
      error: false,
      text: `Saved: WWA Lab keeps the newest ${countOf(parsed.data, 'automatic backup')}.${removed > 0 ? ` ${countOf(removed, 'older backup')} removed.` : ''}`,
    })
    onSaved()
  }
  return (
    <form className="backup-generations" onSubmit={(event) => void submit(event)}>
      <label htmlFor={inputId}>Automatic backups kept</label>
      <input
        id={inputId}
        type="text"
        inputMode="numeric"
        value={text}
        aria-invalid={message?.error === true}
        aria-describedby={hintId}
        onChange={(event) => {
          setText(event.target.value)
          setMessage(undefined)
        }}
      />
      <button type="submit">Keep</button>
      <p id={hintId} className={message?.error ? 'field-error' : 'muted'} role={message ? 'status' : undefined}>
        {message?.text ??
          'The oldest automatic backups beyond this number are removed. Backups you save yourself are never removed.'}
      </p>
    </form>
  )
}
