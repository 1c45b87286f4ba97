import { isLasting, problemCause, type Problem } from '../../../../core/outcome'
import { listInWords } from '../../../../core/text/list'
import type { PendingChange } from '../../../storage/result-journal'
import { dates } from '../../../app/lab-dates'

const fieldsOf = (pending: PendingChange) =>
  listInWords(
    [
      pending.change.verdict === undefined ? [] : ['verdict'],
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
