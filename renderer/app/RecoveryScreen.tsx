import type { ReactNode } from 'react'
import { assertNever } from '../../core/assert-never'
import { describeMismatch, explainMismatch } from '../storage/ledger/describe-mismatch'
import type { OpenFailure } from './open-lab-db'
import './RecoveryScreen.css'

/**
 * Shown instead of the app when the lab's database cannot be opened at start.
 * It explains what happened and what to do; it changes and deletes nothing, so
 * the data is still there for a newer WWA Lab, a restart, or a restore.
 */
export function RecoveryScreen({
  failure,
  newestBackup,
}: {
  failure: OpenFailure
  /**
   * SLOT for the backups feature: the offer of the newest good backup (its name,
   * age and a Restore button). Shown only when given; this screen itself restores nothing.
   */
  newestBackup?: ReactNode
}) {
  return (
    <main className="recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title">{titleOf(failure)}</h1>
      <Explanation failure={failure} />
      {newestBackup === undefined ? null : (
        <section className="recovery-backup" aria-label="Newest backup">
          {newestBackup}
        </section>
      )}
      <p>
        <strong>Nothing was changed or deleted.</strong> The lab’s data stays exactly as it is on this computer until it
        can be opened.
      </p>
    </main>
  )
}

function titleOf(failure: OpenFailure): string {
  switch (failure.kind) {
    case 'taken-over':
      return 'This window stopped using the lab’s data'
    case 'data-missing':
      return failure.mismatch.kind === 'cannot-read'
        ? 'The lab’s data cannot be read'
        : 'Some of the lab’s data is missing'
    case 'backup-before-migration-failed':
      return 'WWA Lab did not upgrade the lab’s data'
    case 'newer-schema':
    case 'cannot-open':
    case 'ledger-unreadable':
      return 'WWA Lab cannot open the lab’s data'
    default:
      return assertNever(failure)
  }
}

function Explanation({ failure }: { failure: OpenFailure }) {
  switch (failure.kind) {
    case 'data-missing':
      return (
        <>
          <p role="alert">{describeMismatch(failure.mismatch)}</p>
          <p>{explainMismatch(failure.mismatch.kind)}</p>
          <p>
            WWA Lab did not open this database, so it is not shown as if it were complete and nothing more is lost.
            Restore the newest good backup. If there is none, close WWA Lab and ask your lab’s administrator before
            anything is done with the data folder; keep a copy of it.
          </p>
        </>
      )
    case 'ledger-unreadable':
      return (
        <>
          <p role="alert">{failure.message}</p>
          <p>
            WWA Lab keeps this record outside the database so it can tell when data went missing. Without it, WWA Lab
            will not open the data as if it were complete.
          </p>
        </>
      )
    case 'newer-schema':
      return (
        <>
          <p role="alert">
            The data was written by a newer version of WWA Lab (storage version {failure.found}); this version knows
            storage up to version {failure.known}. Opening it here could misread or damage records the newer version
            added.
          </p>
          <p>Install the newer WWA Lab again (or the newest one your lab uses) and open the data with it.</p>
        </>
      )
    case 'cannot-open':
      return (
        <>
          <p role="alert">
            The database did not open: <code>{failure.name}</code>: {failure.message}
          </p>
          <p>
            Close every other WWA Lab window and restart WWA Lab. If the disk is full, free some space first. If it
            happens again, note the message above and ask your lab’s administrator before reinstalling.
          </p>
        </>
      )
    case 'backup-before-migration-failed':
      return (
        <>
          <p role="alert">
            WWA Lab needs to upgrade your data from version {failure.from} to {failure.to} and backs it up first; the
            backup failed: {failure.message} Nothing was changed.
          </p>
          <p>
            Free some disk space if the disk is full, then restart WWA Lab: it backs up and upgrades the data then.
            Until the backup succeeds, the data stays at version {failure.from}, as the previous WWA Lab left it.
          </p>
        </>
      )
    case 'taken-over':
      return (
        <>
          <p role="alert">
            Another copy of WWA Lab, probably a newer version, upgraded the lab’s data while this window was open.
          </p>
          <p>
            This window stopped using the data at once, so it cannot misread it. Close this window and open the WWA Lab
            that upgraded it.
          </p>
        </>
      )
    default:
      return assertNever(failure)
  }
}
