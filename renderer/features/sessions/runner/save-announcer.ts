import type { CaseSaveState } from './case-writes'
import { saveAnnouncement } from './save-words'

/**
 * What the polite live region says about saved states: a case saved once it has
 * stayed saved for `afterMs` (once per burst of typing, not per keystroke), a
 * failure at once, nothing while saving.
 */
export function createSaveAnnouncer(say: (text: string) => void, afterMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined
  return {
    heard(caseId: string, state: CaseSaveState): void {
      clearTimeout(timer)
      if (state.kind === 'saving') return
      if (state.kind === 'failed') return say(saveAnnouncement(caseId, state))
      // Cleared first, so saying "saved" again for the same case is a change a screen reader hears.
      say('')
      timer = setTimeout(() => say(saveAnnouncement(caseId, state)), afterMs)
    },
    stop: () => clearTimeout(timer),
  }
}
