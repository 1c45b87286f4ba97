import type { Verdict } from '../../../../core/model/result'

/** The runner's keys, shown on screen and in the help overlay. */
export const verdictKeys: readonly { readonly key: string; readonly verdict: Verdict }[] = [
  { key: 'P', verdict: 'passed' },
  { key: 'F', verdict: 'failed' },
  { key: 'B', verdict: 'blocked' },
  { key: 'R', verdict: 'retest' },
  { key: 'N', verdict: 'not-applicable' },
  { key: 'U', verdict: 'untested' },
]

export const otherKeys: readonly { readonly keys: string; readonly what: string }[] = [
  { keys: '↑ / K', what: 'Previous case' },
  { keys: '↓ / J', what: 'Next case' },
  { keys: 'Enter', what: 'Write notes for the case' },
  { keys: 'Esc', what: 'Leave the notes or the filter' },
  { keys: 'E', what: 'Attach evidence (photo or log file)' },
  { keys: '/', what: 'Filter cases' },
  { keys: '?', what: 'Show or hide these shortcuts' },
]
