import { useSyncExternalStore } from 'react'
import type { JournalMirror } from '../storage/journal-mirror'
import './LedgerWarning.css'

/**
 * Says, while it lasts, that main's journal of entries not yet stored could not
 * be read or written: entries are still saved to the database as always, but one
 * made in the moment before a crash may not come back. It goes away on its own
 * once main writes the journal again (the next verdict or keystroke).
 */
export function JournalWarning({ journal }: { journal: JournalMirror }) {
  const problem = useSyncExternalStore(
    (listener) => journal.subscribe(listener),
    () => journal.problem(),
  )
  if (problem === null) return null
  return (
    <div className="notice ledger-warning" role="alert">
      <p>
        <strong>WWA Lab could not keep its journal of entries on their way to the database.</strong> {problem}
      </p>
      <p>
        Entries are still saved in the database as usual, and the screen says “Saved” only once they are. An entry made
        in the moment before a crash may not be recovered.
      </p>
    </div>
  )
}
