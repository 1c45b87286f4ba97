import { verifyChain, type AuditEntry, type ChainVerdict } from './audit-entry'
import { countOf } from '../text/plural'

/** Where the last whole check of the trail ended: entries 1 to `seq` verified, and entry `seq` then had this hash. */
export type Checkpoint = { readonly seq: number; readonly hash: string; readonly at: string }

const broken = (firstBad: number, reason: string): ChainVerdict => ({ intact: false, firstBad, reason })

export type ChainCheck = {
  /** Checks the next entries, in number order; returns the first break found so far, or undefined while intact. */
  add(batch: readonly AuditEntry[]): ChainVerdict | undefined
  /** The verdict on everything added: intact with the number of the last entry, or the first break. */
  finish(): ChainVerdict
  /** The last entry checked and found intact: a checkpoint to continue from next time. */
  last(): AuditEntry | undefined
}

/**
 * Checks the trail a batch at a time, so a long trail can be read and checked in
 * pieces (in a worker). It starts at entry 1, or continues after `anchor`, an
 * entry a previous check ended on, whose own hash and place are checked again.
 */
export function createChainCheck(anchor?: AuditEntry): ChainCheck {
  let previous = anchor
  // The anchor is checked on its own first, so a changed anchor is found even when nothing follows it.
  const ofAnchor = anchor ? verifyChain([anchor]) : undefined
  let verdict: ChainVerdict | undefined = ofAnchor && !ofAnchor.intact ? ofAnchor : undefined
  return {
    add(batch) {
      if (verdict || batch.length === 0) return verdict
      const first = batch[0]
      if (previous === undefined && first && first.seq !== 1) {
        // The whole trail starts at entry 1: a slice check would accept a trail whose first entries were deleted.
        verdict = broken(1, `Entry 1 is missing: the audit trail starts at entry ${first.seq}.`)
        return verdict
      }
      const checked = verifyChain(previous ? [previous, ...batch] : batch)
      if (!checked.intact) verdict = checked
      else previous = batch.at(-1) ?? previous
      return verdict
    },
    finish: () => verdict ?? { intact: true, count: previous?.seq ?? 0 },
    last: () => (verdict ? undefined : previous),
  }
}

/**
 * Checks entries one by one against the entry before each: its contents match its
 * hash, and it follows the entry before it. This is how the entries on screen are
 * checked however old they are; `previousOf` gives entry n−1 for entry n.
 */
export function checkEach(
  entries: readonly AuditEntry[],
  previousOf: (seq: number) => AuditEntry | undefined,
): ChainVerdict {
  let worst: ChainVerdict | undefined
  for (const entry of entries) {
    const previous = entry.seq > 1 ? previousOf(entry.seq - 1) : undefined
    const verdict =
      entry.seq > 1 && previous === undefined
        ? broken(
            entry.seq - 1,
            `Entry ${entry.seq - 1} is missing: entry ${entry.seq} follows an entry that is no longer in the trail.`,
          )
        : verifyChain(previous ? [previous, entry] : [entry])
    if (!verdict.intact && (worst === undefined || worst.intact || verdict.firstBad < worst.firstBad)) worst = verdict
  }
  return worst ?? { intact: true, count: entries.length }
}

/** Two checks of one trail as one verdict: the earliest break of either, or intact with the larger count (the whole trail's). */
export function combineVerdicts(a: ChainVerdict, b: ChainVerdict): ChainVerdict {
  if (!a.intact) return !b.intact && b.firstBad < a.firstBad ? b : a
  if (!b.intact) return b
  return a.count >= b.count ? a : b
}

/** The head of the trail as recorded outside the database (main's ledger): the newest entry's number and hash. */
export type RecordedHead = { readonly seq: number; readonly hash: string }

/** A hash as people compare it by eye: its first eight digits. */
export const shortHash = (hash: string): string => `${hash.slice(0, 8)}…`

/**
 * Whether the trail still reaches the head recorded outside it. A chain cannot
 * see its own missing tail: removing the newest entries leaves one that
 * verifies. `head` is the trail's newest entry now, `atRecorded` its entry
 * numbered `recorded.seq`. Undefined when the trail reaches the recorded head.
 */
export function checkRecordedHead(
  recorded: RecordedHead,
  head: AuditEntry | undefined,
  atRecorded: AuditEntry | undefined,
): ChainVerdict | undefined {
  const last = head?.seq ?? 0
  if (last < recorded.seq) {
    const missing = recorded.seq - last
    const which =
      missing === 1 ? 'The newest entry is missing' : `The newest ${countOf(missing, 'entry', 'entries')} are missing`
    return broken(last + 1, `${which}: the last recorded entry was #${recorded.seq}.`)
  }
  if (atRecorded === undefined)
    return broken(
      recorded.seq,
      `Entry ${recorded.seq} is missing: it was the newest entry when the trail was last recorded.`,
    )
  if (atRecorded.hash !== recorded.hash)
    return broken(
      recorded.seq,
      `Entry ${recorded.seq} is not the one last recorded: its hash is ${shortHash(atRecorded.hash)}, the recorded one ${shortHash(recorded.hash)}.`,
    )
  return undefined
}
