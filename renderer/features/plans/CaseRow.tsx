import { memo, useLayoutEffect, useRef, type KeyboardEvent } from 'react'
import { assertNever } from '../../../core/assert-never'
import type { TestCase } from '../../../core/model/test-plan'
import { extraValue, type CaseColumn, type TextField } from './case-columns'

/** What a row asks of the grid; one object for every row, so a row redraws only when its own case or state changes. */
export type RowActions = {
  readonly change: (row: number, field: TextField, value: string) => void
  /** Ends the edit: kept (`commit`, moving as the key says) or undone (`cancel`). */
  readonly finish: (how: 'commit' | 'cancel', key?: KeyboardEvent | 'blur') => void
  readonly toggleRequired: (row: number) => void
  readonly remove: (row: number) => void
  readonly edit: (row: number, col: number) => void
}

/** A field's problem, per text column, for the cells of one row (shown once touched or asked for). */
export type RowErrors = Readonly<Partial<Record<TextField, string>>>

type Props = {
  readonly index: number
  readonly testCase: TestCase
  readonly columns: readonly CaseColumn[]
  readonly template: string
  readonly top: number
  readonly gridId: string
  /** The active cell's column when it is in this row: it alone is in the Tab order. */
  readonly activeCol: number | null
  readonly editingCol: number | null
  /** The key that started the edit of the editing cell: it replaces the cell's text. */
  readonly typed: string | undefined
  readonly errors: RowErrors
  readonly actions: RowActions
}

export const headerId = (gridId: string, col: number) => `${gridId}-h${col}`
export const cellKey = (row: number, col: number) => `${row}:${col}`

/** One case as one row of the grid; each cell is named by its column's header and what it holds. */
export const CaseRow = memo(function CaseRow(props: Props) {
  const { index, testCase, columns, template, top, gridId, activeCol, editingCol, typed, errors, actions } = props
  const n = index + 1
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className={`grid-row${activeCol !== null ? ' active-row' : ''}${editingCol !== null ? ' editing-row' : ''}`}
      style={{ gridTemplateColumns: template, transform: `translateY(${top}px)` }}
    >
      {columns.map((column, col) => {
        const valueId = `${gridId}-v${index}-${col}`
        const common = {
          'aria-colindex': col + 1,
          'data-cell': cellKey(index, col),
          tabIndex: activeCol === col ? 0 : -1,
          className: `grid-cell cell-${column.kind}${activeCol === col ? ' active-cell' : ''}`,
        }
        switch (column.kind) {
          case 'number':
            return (
              <div key={col} role="rowheader" {...common} aria-readonly="true">
                {n.toLocaleString('en-US')}
              </div>
            )
          case 'text': {
            const value = testCase[column.field]
            const error = errors[column.field]
            const errorId = `${gridId}-e${index}-${col}`
            return (
              <div
                key={col}
                role="gridcell"
                {...common}
                className={`${common.className}${error ? ' invalid-cell' : ''}${editingCol === col ? ' editing-cell' : ''}`}
                // The problem is part of the name: it is on screen in the cell, so it is said with it.
                aria-labelledby={`${headerId(gridId, col)} ${valueId}${error ? ` ${errorId}` : ''}`}
                aria-invalid={error ? true : undefined}
                onDoubleClick={() => actions.edit(index, col)}
              >
                {editingCol === col ? (
                  <CellInput
                    label={`${column.header}, case ${n}`}
                    value={value}
                    multiline={column.multiline}
                    typed={typed}
                    errorId={error ? errorId : undefined}
                    onChange={(next) => actions.change(index, column.field, next)}
                    actions={actions}
                  />
                ) : (
                  <span id={valueId} className="cell-value" title={value.length > 40 ? value : undefined}>
                    {value}
                  </span>
                )}
                {error ? (
                  <span id={errorId} className="cell-error">
                    {error}
                  </span>
                ) : null}
              </div>
            )
          }
          case 'required':
            return (
              <div key={col} role="gridcell" {...common}>
                <input
                  type="checkbox"
                  tabIndex={-1}
                  aria-label={`Required, case ${n}`}
                  checked={testCase.required}
                  onChange={() => actions.toggleRequired(index)}
                />
              </div>
            )
          case 'extra': {
            const value = extraValue(testCase, column.header)
            return (
              <div
                key={col}
                role="gridcell"
                {...common}
                aria-readonly="true"
                aria-labelledby={`${headerId(gridId, col)} ${valueId}`}
              >
                <span id={valueId} className="cell-value" title={value.length > 30 ? value : undefined}>
                  {value}
                </span>
              </div>
            )
          }
          case 'delete':
            return (
              <div key={col} role="gridcell" {...common}>
                <button
                  type="button"
                  tabIndex={-1}
                  className="link remove"
                  aria-label={`Delete case ${n}${testCase.caseId ? ` (${testCase.caseId})` : ''}`}
                  onClick={() => actions.remove(index)}
                >
                  Delete
                </button>
              </div>
            )
          default:
            return assertNever(column)
        }
      })}
    </div>
  )
}, sameRow)

function sameRow(a: Props, b: Props): boolean {
  return (
    a.index === b.index &&
    a.testCase === b.testCase &&
    a.columns === b.columns &&
    a.template === b.template &&
    a.top === b.top &&
    a.gridId === b.gridId &&
    a.activeCol === b.activeCol &&
    a.editingCol === b.editingCol &&
    a.typed === b.typed &&
    a.actions === b.actions &&
    sameErrors(a.errors, b.errors)
  )
}

const textFields: readonly TextField[] = ['caseId', 'title', 'category', 'steps', 'expected']
const sameErrors = (a: RowErrors, b: RowErrors) => textFields.every((field) => a[field] === b[field])

type CellInputProps = {
  readonly label: string
  readonly value: string
  readonly multiline: boolean
  readonly typed: string | undefined
  readonly errorId: string | undefined
  readonly onChange: (value: string) => void
  readonly actions: RowActions
}

/** The editor of one cell: typing is stored as it is typed; Enter or Tab keeps it, Escape puts the old text back. */
function CellInput({ label, value, multiline, typed, errorId, onChange, actions }: CellInputProps) {
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null)
  // Before the next key arrives: a key typed into the cell started this edit, the ones after it belong here.
  useLayoutEffect(() => {
    const input = ref.current
    if (!input) return
    input.focus()
    // Now that the cursor is here, the autosave takes the typed key as the start of a burst of typing.
    if (typed !== undefined) onChange(typed)
    else input.setSelectionRange(input.value.length, input.value.length)
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the edit starts
  }, [])
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    // The grid must not also take these keys as moves.
    event.stopPropagation()
    if (event.key === 'Escape') {
      event.preventDefault()
      actions.finish('cancel')
    } else if (event.key === 'Tab' || (event.key === 'Enter' && !(multiline && (event.shiftKey || event.altKey)))) {
      event.preventDefault()
      actions.finish('commit', event)
    }
  }
  const shared = {
    ref,
    className: 'cell-input',
    'aria-label': label,
    'aria-invalid': errorId ? true : undefined,
    'aria-describedby': errorId,
    value,
    onKeyDown,
    // Focus went elsewhere (a click on another cell): kept, and the focus stays where the person put it.
    onBlur: () => actions.finish('commit', 'blur'),
  }
  return multiline ? (
    <textarea {...shared} rows={4} onChange={(e) => onChange(e.target.value)} />
  ) : (
    <input {...shared} type="text" onChange={(e) => onChange(e.target.value)} />
  )
}
