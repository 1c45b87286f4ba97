import { useId, useState, type RefObject } from 'react'
import type { TestCase } from '../../../core/model/test-plan'
import { findCase } from './find-case'

type Props = {
  readonly inputRef: RefObject<HTMLInputElement | null>
  readonly cases: readonly TestCase[]
  /** The active case: a search goes on from it, so Enter again finds the next match. */
  readonly from: number
  readonly onFound: (index: number) => void
}

/** "Find a case": Enter jumps to the case with that ID, or to the next whose ID or title holds the text. */
export function CaseFinder({ inputRef, cases, from, onFound }: Props) {
  const id = useId()
  const [query, setQuery] = useState('')
  const [said, setSaid] = useState('')
  const find = () => {
    const match = findCase(cases, query, from)
    if (match === undefined) {
      setSaid(
        query.trim() === ''
          ? 'Type a case ID or words of a title.'
          : `No case has “${query.trim()}” in its ID or title.`,
      )
      return
    }
    const testCase = cases[match.index]
    const which = match.of > 1 ? `, match ${match.nth} of ${match.of}` : ''
    setSaid(`Case ${(match.index + 1).toLocaleString('en-US')}: ${testCase?.caseId ?? ''}${which}.`)
    onFound(match.index)
  }
  return (
    <div className="case-finder">
      <label htmlFor={id}>Find a case</label>
      <input
        ref={inputRef}
        id={id}
        type="search"
        placeholder="ID or words of the title"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return
          e.preventDefault()
          find()
        }}
      />
      <button type="button" onClick={find}>
        Find
      </button>
      <span className="muted" role="status">
        {said}
      </span>
    </div>
  )
}
