import { useSyncExternalStore } from 'react'
import type { LedgerKeeper } from '../storage/ledger/ledger-keeper'
import './LedgerWarning.css'

/**
 * Says, for as long as it lasts, that main could not record the database's
 * newest state: the change is saved, but a later loss of it could go unnoticed.
 * It goes away on its own once a record succeeds (the next change, or Try again).
 */
export function LedgerWarning({ keeper }: { keeper: LedgerKeeper }) {
  const status = useSyncExternalStore(
    (listener) => keeper.subscribe(listener),
    () => keeper.status(),
  )
  if (status.state === 'recorded') return null
  return (
    <div className="notice ledger-warning" role="alert">
      <p>
        <strong>WWA Lab could not record the lab’s saved state outside the database.</strong> {status.message}
      </p>
      <p>
        Your changes are saved in the database, but if it is damaged later, WWA Lab may not notice that data is missing.
        WWA Lab tries again with your next change.
      </p>
      <button type="button" onClick={() => keeper.written()}>
        Try again
      </button>
    </div>
  )
}
