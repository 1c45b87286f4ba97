import type { Verdict } from '../../../../core/model/result'

/** The runner's keys, shown on screen and in the help overlay: the one list of them. */
export const verdictKeys: readonly { readonly key: string; readonly verdict: Verdict; readonly hint: string }[] = [
  { key: 'P', verdict: 'passed', hint: 'pass' },
  { key: 'F', verdict: 'failed', hint: 'fail' },
  { key: 'B', verdict: 'blocked', hint: 'blocked' },
  { key: 'R', verdict: 'retest', hint: 'retest' },
  { key: 'N', verdict: 'not-applicable', hint: 'not applicable' },
  { key: 'U', verdict: 'untested', hint: 'untested' },
]

/** The key that moves to the next case still to decide (untested, blocked or to retest). */
export const nextUndecidedKey = 'D'

/** Every other key: `keys` as the help shows them, `what` they do, `hint` as the line above the cases says it. */
export const otherKeys: readonly { readonly keys: string; readonly what: string; readonly hint?: string }[] = [
  { keys: '↑ / K', what: 'Previous case' },
  { keys: '↓ / J', what: 'Next case' },
  {
    keys: nextUndecidedKey,
    what: 'Next case still to decide (untested, blocked or to retest)',
    hint: 'next undecided',
  },
  { keys: 'Enter', what: 'Write notes for the case', hint: 'notes' },
  { keys: 'Esc', what: 'Leave the notes or the filter' },
  { keys: 'E', what: 'Attach evidence (photo or log file)', hint: 'evidence' },
  { keys: '/', what: 'Filter cases', hint: 'filter' },
  { keys: '?', what: 'Show or hide these shortcuts', hint: 'help' },
]

/** The line of key hints above the cases: "↑↓ or J/K move · P pass · … · ? help". */
export const shortcutLine = [
  '↑↓ or J/K move',
  ...verdictKeys.map(({ key, hint }) => `${key} ${hint}`),
  ...otherKeys.flatMap(({ keys, hint }) => (hint ? [`${keys} ${hint}`] : [])),
].join(' · ')
