import { shortHash } from '../../../core/audit/chain-check'
import { assertNever } from '../../../core/assert-never'
import type { LedgerCounts, LedgerHead } from '../../../core/bridge/ledger'
import { listInWords } from '../../../core/text/list'
import { countOf } from '../../../core/text/plural'
import { leftOf, recordsOf } from './counted-tables'
import type { LedgerMismatch } from './compare-with-ledger'

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

/** "1,204 audit entries ending at #1204 (hash 3f2a9c01…)", or the records when there is no trail. */
function recordedState(head: LedgerHead | null, counts: LedgerCounts): string {
  if (head !== null)
    return `${countOf(counts['audit'] ?? head.seq, 'audit entry', 'audit entries')} ending at #${whole.format(head.seq)} (hash ${shortHash(head.hash)})`
  const held = Object.entries(counts).filter(([, n]) => n > 0)
  return held.length === 0 ? 'no records' : listInWords(held.map(([table, n]) => recordsOf(table, n)))
}

/**
 * What is wrong, in one sentence that sets what the ledger expected beside what
 * was found: "The last saved state had 1,204 audit entries ending at #1204
 * (hash 3f2a9c01…); the database now ends at #1180."
 */
export function describeMismatch(mismatch: LedgerMismatch): string {
  const { recorded, found } = mismatch
  const expected = `The last saved state had ${recordedState(recorded.head, recorded.counts)}`
  const fewer =
    mismatch.fewer.length === 0
      ? ''
      : ` It has fewer records than were saved: ${listInWords(mismatch.fewer.map((s) => leftOf(s.table, s.found, s.expected)))}.`
  switch (mismatch.kind) {
    case 'missing':
      return `${expected}; the database “${mismatch.database}” is no longer on this computer.`
    case 'empty':
      return `${expected}; the database “${mismatch.database}” is now empty.`
    case 'shorter': {
      const now = found?.head ? `now ends at #${whole.format(found.head.seq)}` : 'now has no audit entries'
      if (recorded.head && (found?.head?.seq ?? 0) < recorded.head.seq)
        return `${expected}; the database ${now}.${fewer}`
      return `${expected}; the database’s trail still reaches it, but some records are gone.${fewer}`
    }
    case 'cannot-read': {
      const said = mismatch.error ? `: ${mismatch.error.name}: ${mismatch.error.message}` : ''
      return `${expected}; the database “${mismatch.database}” could not be opened${said}`
    }
    case 'head-differs': {
      const reason = mismatch.chain ? ` ${mismatch.chain.reason}` : ''
      return `${expected}; the database’s trail is not that one.${reason}${fewer}`
    }
    default:
      return assertNever(mismatch.kind)
  }
}

/** Why this usually happens, and what it means for the data, by kind. */
export function explainMismatch(kind: LedgerMismatch['kind']): string {
  switch (kind) {
    case 'missing':
    case 'empty':
      return (
        'Chromium, which stores the lab’s data, deletes a database it finds damaged and starts an empty one without ' +
        'saying so. A disk error, a crash or power cut while it was writing, or a backup, sync or antivirus tool that ' +
        'changed its files can cause this.'
      )
    case 'shorter':
      return (
        'The newest changes are not in the database. This happens when the end of its files is cut off: a power cut, ' +
        'a full disk, or the files copied or restored by another tool while WWA Lab was running.'
      )
    case 'cannot-read':
      return (
        'Chromium, which stores the lab’s data, found the database’s files damaged. When it does, it usually ' +
        'deletes them and starts an empty database the next time, without saying so; WWA Lab will not show that ' +
        'empty database as the lab’s. If there is no backup, copy the data folder before anything else.'
      )
    case 'head-differs':
      return (
        'The audit trail in the database is not the one WWA Lab last recorded: entries were changed, replaced or ' +
        'removed outside WWA Lab, or an older copy of the database files was put back.'
      )
    default:
      return assertNever(kind)
  }
}
