import { verdictLabels, type Verdict } from '../../../../core/model/result'
import type { CaseSaveState } from './case-writes'
import { saveAnnouncement } from './save-words'

/**
 * What the one polite live region says, each event once: a verdict the moment it
 * is saved ("Case TC-4 failed, saved."), notes once the case has stayed saved for
 * `afterMs` (once per burst of typing, not per keystroke), a failure at once,
 * nothing while saving. The same words said again differ by a trailing no-break
 * space, so a screen reader hears the repeat without the region ever being emptied.
 */
export function createSaveAnnouncer(say: (text: string) => void, afterMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined
  let last = ''
  const verdicts = new Map<string, Verdict>()
  const announce = (text: string) => {
    last = text === last.trimEnd() && !last.endsWith('\u00a0') ? `${text}\u00a0` : text
    say(last)
  }
  return {
    /** The tester set this verdict: said once it is saved, instead of "saved" alone. */
    verdictSet(caseId: string, verdict: Verdict): void {
      verdicts.set(caseId, verdict)
    },
    heard(caseId: string, state: CaseSaveState): void {
      if (state.kind === 'saving') return clearTimeout(timer)
      if (state.kind === 'failed') {
        clearTimeout(timer)
        return announce(saveAnnouncement(caseId, state))
      }
      // Kept through a failure: the verdict is said once it is saved at last (Try again).
      const verdict = verdicts.get(caseId)
      verdicts.delete(caseId)
      if (verdict !== undefined) return announce(`Case ${caseId} ${verdictLabels[verdict].toLowerCase()}, saved.`)
      clearTimeout(timer)
      timer = setTimeout(() => announce(saveAnnouncement(caseId, state)), afterMs)
    },
    /** Anything else the tester should hear once (no case left to decide). */
    tell: (text: string) => announce(text),
    stop: () => clearTimeout(timer),
  }
}
