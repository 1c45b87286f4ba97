import type { TestCase } from '../../../core/model/test-plan'

export type CaseMatch = {
  /** The case to go to. */
  readonly index: number
  /** Which match it is (from 1) and how many there are. */
  readonly nth: number
  readonly of: number
  /** True when the text is the case's whole ID: a jump to an ID, not a search. */
  readonly exactId: boolean
}

const fold = (text: string) => text.normalize('NFKC').trim().toLocaleLowerCase()

/**
 * The case a search for `query` goes to: the case whose ID is exactly the text
 * (ignoring case and surrounding spaces) when there is one; otherwise the next
 * case after `after` whose ID or title holds the text, wrapping at the end, so
 * searching again goes on to the following match.
 */
export function findCase(cases: readonly TestCase[], query: string, after: number): CaseMatch | undefined {
  const wanted = fold(query)
  if (wanted === '') return undefined
  const exact = cases.findIndex((c) => fold(c.caseId) === wanted)
  const matches: number[] = []
  cases.forEach((c, index) => {
    if (fold(c.caseId).includes(wanted) || fold(c.title).includes(wanted)) matches.push(index)
  })
  if (exact >= 0 && after !== exact) {
    return { index: exact, nth: matches.indexOf(exact) + 1, of: matches.length, exactId: true }
  }
  if (matches.length === 0) return undefined
  const next = matches.find((index) => index > after) ?? matches[0] ?? 0
  return { index: next, nth: matches.indexOf(next) + 1, of: matches.length, exactId: next === exact }
}
