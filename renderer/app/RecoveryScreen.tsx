import { assertNever } from '../../core/assert-never'
import type { OpenFailure } from './open-lab-db'
import './RecoveryScreen.css'

/**
 * Shown instead of the app when the lab's database cannot be opened at start.
 * It explains what happened and what to do; it changes and deletes nothing, so
 * the data is still there for a newer WWA Lab, a restart, or a restore.
 */
export function RecoveryScreen({ failure }: { failure: OpenFailure }) {
  return (
    <main className="recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title">
        {failure.kind === 'taken-over'
          ? 'This window stopped using the lab’s data'
          : 'WWA Lab cannot open the lab’s data'}
      </h1>
      <Explanation failure={failure} />
      <p>
        <strong>Nothing was changed or deleted.</strong> The lab’s data stays exactly as it is on this computer until it
        can be opened.
      </p>
    </main>
  )
}

function Explanation({ failure }: { failure: OpenFailure }) {
  switch (failure.kind) {
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
