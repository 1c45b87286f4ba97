import { verdictLabels } from '../../../../core/model/result'
import { isLasting, problemCause, type Problem } from '../../../../core/outcome'
import { listInWords } from '../../../../core/text/list'
import type { PendingChange } from '../../../storage/result-journal'
import { dates } from '../../../app/lab-dates'

/** "the verdict and notes", or with the verdict named: "the verdict (Failed) and notes". */
const fieldsOf = (pending: PendingChange, nameVerdict = false) =>
  listInWords(
    [
      pending.change.verdict === undefined
        ? []
        : [nameVerdict ? `verdict (${verdictLabels[pending.change.verdict]})` : 'verdict'],
      pending.change.notes === undefined ? [] : ['notes'],
      pending.change.evidenceIds === undefined ? [] : ['evidence'],
    ].flat(),
  )

/** Says which changes an earlier window left unstored, and what became of them: never dropped without a word. */
export function notStoredWords(notStored: readonly (PendingChange & { readonly problem: Problem })[]): string {
  return notStored
    .map(
      (p) =>
        `Not saved: the ${fieldsOf(p)} of case ${p.caseId}, changed on ${dates.dateTime(p.at)}, could not be stored (${problemCause(p.problem)}). ` +
        (isLasting(p.problem)
          ? 'Enter it again if it still applies.'
          : 'It is kept, and stored when this session opens again.'),
    )
    .join(' ')
}

const recoveredOne = (p: PendingChange) => {
  const who = p.actor === undefined ? '' : ` by ${p.actor.name}`
  return `the ${fieldsOf(p, true)} of case ${p.caseId}, entered${who} on ${dates.dateTime(p.at)}`
}

/** Says which changes a window that went away had not stored, now stored from the journal as entered then. */
export function recoveredWords(recovered: readonly PendingChange[]): string {
  if (recovered.length === 0) return ''
  return (
    `Recovered after WWA Lab closed before storing ${recovered.length === 1 ? 'it' : 'them'}: ` +
    `${listInWords(recovered.map(recoveredOne))}. ${recovered.length === 1 ? 'It is' : 'They are'} stored now, ` +
    'in the audit trail as entered then. Check that they are what you meant.'
  )
}
