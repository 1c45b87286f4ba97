import type { TestCase } from '../../../core/model/test-plan'
import type { FieldErrors } from '../../ui/field-errors'

/** A case just deleted, and where it was: what Undo puts back. */
export type Deleted = { readonly index: number; readonly testCase: TestCase }

/** Says which case went, with the way back. */
export function DeletedNotice({
  deleted,
  onUndo,
  onDismiss,
}: {
  deleted: Deleted
  onUndo: (deleted: Deleted) => void
  onDismiss: () => void
}) {
  const { testCase, index } = deleted
  return (
    <p className="notice" role="status">
      Deleted case {index + 1}
      {testCase.caseId ? ` (${testCase.caseId}${testCase.title ? `: ${testCase.title}` : ''})` : ''}.{' '}
      <button type="button" className="link" onClick={() => onUndo(deleted)}>
        Undo
      </button>{' '}
      <button type="button" className="link" onClick={onDismiss}>
        Dismiss
      </button>
    </p>
  )
}

/** Most "Go to case" buttons listed at once; the count says how many more there are. */
const shownProblems = 20

const caseIndexOf = (field: string): number | undefined => {
  const match = /^cases\.(\d+)\./.exec(field)
  return match ? Number(match[1]) : undefined
}

/** The cases whose problems are showing, wherever the grid is scrolled, each with a button that goes there. */
export function CasesAttention({
  errors,
  visibleError,
  cases,
  onGo,
}: {
  errors: FieldErrors
  visibleError: (field: string) => string | undefined
  cases: readonly TestCase[]
  /** Goes to the case's cell of that field ("title"). */
  onGo: (index: number, field: string) => void
}) {
  // Each case's first field with a problem showing, where its button takes the cursor.
  const rows = new Map<number, string>()
  for (const field of errors.keys()) {
    const index = caseIndexOf(field)
    if (index !== undefined && !rows.has(index) && visibleError(field) !== undefined)
      rows.set(index, field.split('.')[2] ?? '')
  }
  if (rows.size === 0) return null
  const sorted = [...rows.keys()].sort((a, b) => a - b)
  return (
    <p className="field-error cases-attention">
      {sorted.length === 1 ? 'One case needs' : `${sorted.length.toLocaleString('en-US')} cases need`} attention:{' '}
      {sorted.slice(0, shownProblems).map((index) => (
        <button key={index} type="button" className="link case-jump" onClick={() => onGo(index, rows.get(index) ?? '')}>
          Go to case {index + 1}
          {cases[index]?.caseId ? ` (${cases[index]?.caseId})` : ''}
        </button>
      ))}
      {sorted.length > shownProblems ? ` and ${sorted.length - shownProblems} more.` : null}
    </p>
  )
}
