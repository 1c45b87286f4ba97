import { assertNever } from '../../../../core/assert-never'
import { describeProblem } from '../../../../core/outcome'
import type { CaseSaveState } from './case-writes'

/** A case's saved state in the words the runner shows beside it. */
export function saveStateWords(state: CaseSaveState): string {
  switch (state.kind) {
    case 'saving':
      return 'Saving…'
    case 'saved':
      return 'Saved'
    case 'failed':
      return `Not saved: ${describeProblem(state.problem)}`
    default:
      return assertNever(state)
  }
}

/** What a screen reader is told, naming the case, since the tester may have moved on. */
export function saveAnnouncement(caseId: string, state: CaseSaveState): string {
  return state.kind === 'failed'
    ? `Case ${caseId} not saved: ${describeProblem(state.problem)}`
    : `Case ${caseId} ${saveStateWords(state).toLowerCase()}.`
}
