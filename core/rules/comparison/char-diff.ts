import type { DiffSegment } from './finding'

/**
 * Where two short texts differ, character by character (code points): runs in
 * both, only in the listing's, only in the tested one's, from a longest common
 * subsequence. Joining the 'same' and 'listing' runs gives the listing's text
 * back, the 'same' and 'tested' runs the tested one's. Texts over 200 characters
 * are compared as one differing run each (model numbers and brands are short).
 */
export function charDiff(listing: string, tested: string): DiffSegment[] {
  const a = [...listing]
  const b = [...tested]
  if (a.length > 200 || b.length > 200)
    return joinRuns([
      { kind: 'listing', text: listing },
      { kind: 'tested', text: tested },
    ])
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!)
  const runs: DiffSegment[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      runs.push({ kind: 'same', text: a[i]! })
      i++
      j++
    } else if (j >= b.length || (i < a.length && lengths[i + 1]![j]! >= lengths[i]![j + 1]!)) {
      runs.push({ kind: 'listing', text: a[i]! })
      i++
    } else {
      runs.push({ kind: 'tested', text: b[j]! })
      j++
    }
  }
  return joinRuns(runs)
}

function joinRuns(runs: readonly DiffSegment[]): DiffSegment[] {
  const joined: DiffSegment[] = []
  for (const run of runs) {
    if (run.text === '') continue
    const last = joined.at(-1)
    if (last && last.kind === run.kind) joined[joined.length - 1] = { kind: run.kind, text: last.text + run.text }
    else joined.push(run)
  }
  return joined
}
