import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual'
import { useId, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type MouseEvent } from 'react'
import type { KeyboardEvent } from 'react'
import { moveInGrid, typesCharacter, type GridCell } from '../../table/grid-navigation'
import { caseColumns, extraColumnNames, maxShownExtraColumns, type TextField } from './case-columns'
import { CaseFinder } from './CaseFinder'
import { CaseRow, cellKey, headerId, type RowActions, type RowErrors } from './CaseRow'
import { CasesAttention, DeletedNotice, type Deleted } from './CasesNotices'
import { useCaseEdits } from './use-case-edits'
import type { PlanForm } from './use-plan-autosave'
import './cases-grid.css'

/** Height of a row and of the header row, in px; the stylesheet takes them from the grid's style. */
const rowHeight = 48
const headerHeight = 36
/** Rows drawn before the grid's size is known (and under test DOMs that have no layout). */
const rowsBeforeLayout = 30

type Editing = {
  readonly row: number
  readonly col: number
  readonly field: TextField
  readonly original: string
  /** The key that started the edit, which replaces the cell's text. */
  readonly typed?: string | undefined
}

/**
 * The plan's cases as a spreadsheet: one row per case, drawn only where the
 * grid shows them, so a plan of thousands opens and moves as fast as a short
 * one. Arrows, Tab, Home/End and Page Up/Down move; Enter, F2 or typing edit;
 * Escape undoes the edit; every keystroke goes through the plan's autosave,
 * and leaving an edited cell ends that edit's burst (one audit entry).
 */
export function CasesGrid({ form }: { form: PlanForm }) {
  const { draft, visibleError } = form
  const cases = draft.cases
  const gridId = useId().replace(/:/g, '')
  // Only an edit makes a new list of cases; moving between cells redraws without going through all of them.
  const extraNames = useMemo(() => extraColumnNames(cases), [cases])
  const extraKey = extraNames.join('\u0000')
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the names' text, not the array made each render
  const columns = useMemo(() => caseColumns(extraNames), [extraKey])
  const template = columns.map((c) => `${c.width}px`).join(' ')
  const width = columns.reduce((sum, c) => sum + c.width, 0)
  const firstText = columns.findIndex((c) => c.kind === 'text')
  const titleCol = columns.findIndex((c) => c.kind === 'text' && c.field === 'title')

  const [wantedActive, setActive] = useState<GridCell>({ row: 0, col: firstText })
  const active: GridCell = {
    row: Math.max(0, Math.min(wantedActive.row, cases.length - 1)),
    col: Math.min(wantedActive.col, columns.length - 1),
  }
  const [editing, setEditingState] = useState<Editing | null>(null)
  const [deleted, setDeleted] = useState<Deleted | null>(null)
  const scrollRef = useRef<HTMLDivElement>(null)
  const findRef = useRef<HTMLInputElement>(null)
  // Read by handlers made once (the rows' actions), so they always see the newest state.
  const now = useRef({ active, editing, cases, columns })
  useLayoutEffect(() => {
    now.current = { active, editing, cases, columns }
  })
  const focusWanted = useRef<'nearest' | 'center' | null>(null)
  const edits = useCaseEdits(form)

  // This app does not use the React Compiler; rows are memoised by hand (CaseRow).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: cases.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
    // Rows beyond the view are drawn already (overscan): a scroll need not hold its frame back for the next ones.
    useFlushSync: false,
    scrollMargin: headerHeight,
    // The active row stays drawn when scrolled away, so the Tab order always has its cell.
    rangeExtractor: (range) => {
      const rows = defaultRangeExtractor(range)
      return rows.includes(active.row) ? rows : [...rows, active.row].sort((a, b) => a - b)
    },
  })
  const laidOut = virtualizer.getVirtualItems()
  const drawn: readonly { index: number; top: number }[] =
    laidOut.length > 0
      ? laidOut.map((item) => ({ index: item.index, top: item.start - headerHeight }))
      : [...new Set([...Array.from({ length: Math.min(rowsBeforeLayout, cases.length) }, (_, i) => i), active.row])]
          .filter((index) => index < cases.length)
          .map((index) => ({ index, top: index * rowHeight }))

  const setEditing = (next: Editing | null) => {
    now.current = { ...now.current, editing: next }
    setEditingState(next)
  }
  const moveTo = (cell: GridCell, how: 'nearest' | 'center' = 'nearest') => {
    focusWanted.current = how
    setActive(cell)
  }

  const startEdit = (row: number, col: number, typed?: string) => {
    const column = now.current.columns[col]
    const testCase = now.current.cases[row]
    if (column?.kind !== 'text' || testCase === undefined) return
    const current = now.current.editing
    if (current?.row === row && current.col === col) {
      // Keys that arrived before the editor took the focus belong to the same edit.
      if (typed !== undefined) edits.change(row, column.field, testCase[column.field] + typed)
      return
    }
    // A typed key replaces the text once the editor has the cursor, so the edit is one burst of typing from its first key.
    setEditing({ row, col, field: column.field, original: testCase[column.field], typed })
    setActive({ row, col })
  }

  const actions: RowActions = useMemo(
    () => ({
      change: (row, field, value) => edits.change(row, field, value),
      finish: (how, key) => {
        const ending = now.current.editing
        if (ending === null) return
        setEditing(null)
        if (how === 'cancel') edits.change(ending.row, ending.field, ending.original)
        edits.endBurst()
        if (key === 'blur') return
        const from = { row: ending.row, col: ending.col }
        const bounds = { rows: now.current.cases.length, cols: now.current.columns.length, pageRows: 1 }
        const step = key === undefined ? undefined : key.key === 'Enter' ? { key: 'ArrowDown' } : key
        moveTo((step && moveInGrid(from, step, bounds)) ?? from)
      },
      toggleRequired: (row) => edits.toggleRequired(row),
      remove: (row) => {
        const testCase = now.current.cases[row]
        if (testCase === undefined) return
        edits.remove(row)
        setDeleted({ index: row, testCase })
        moveTo({ row: Math.min(row, now.current.cases.length - 2), col: now.current.active.col })
      },
      edit: (row, col) => startEdit(row, col),
    }),
    // Made once: every handler reads the newest state from `now` and `edits`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  )

  useLayoutEffect(() => {
    const how = focusWanted.current
    const grid = scrollRef.current
    if (how === null || grid === null || now.current.editing !== null) return
    focusWanted.current = null
    scrollIntoView(grid, active, columns, how)
    grid.querySelector<HTMLElement>(`[data-cell="${cellKey(active.row, active.col)}"]`)?.focus({ preventScroll: true })
  })

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!(event.target instanceof HTMLElement) || event.target.closest('[data-cell]') === null) return
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
      event.preventDefault()
      findRef.current?.focus()
      return
    }
    const grid = scrollRef.current
    const pageRows = Math.max(1, Math.floor(((grid?.clientHeight ?? 0) - headerHeight) / rowHeight) - 1)
    const to = moveInGrid(active, event, { rows: cases.length, cols: columns.length, pageRows })
    if (to !== undefined) {
      event.preventDefault()
      moveTo(to)
      return
    }
    const column = columns[active.col]
    const activate = event.key === 'Enter' || event.key === 'F2' || (event.key === ' ' && column?.kind !== 'text')
    if (activate) {
      event.preventDefault()
      if (column?.kind === 'required') actions.toggleRequired(active.row)
      else if (column?.kind === 'delete') actions.remove(active.row)
      else startEdit(active.row, active.col)
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && column?.kind === 'text') {
      event.preventDefault()
      edits.change(active.row, column.field, '')
      edits.endBurst()
    } else if (typesCharacter(event) && column?.kind === 'text') {
      event.preventDefault()
      startEdit(active.row, active.col, event.key)
    }
  }

  const cellOf = (target: EventTarget): GridCell | undefined => {
    const key = target instanceof HTMLElement ? target.closest<HTMLElement>('[data-cell]')?.dataset.cell : undefined
    const [row, col] = (key ?? '').split(':').map(Number)
    return row === undefined || col === undefined || Number.isNaN(row) || Number.isNaN(col) ? undefined : { row, col }
  }
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const cell = cellOf(event.target)
    if (cell && (cell.row !== active.row || cell.col !== active.col)) setActive(cell)
  }
  const onMouseDown = (event: MouseEvent<HTMLDivElement>) => {
    // A click on a cell's checkbox or button acts on it but leaves the focus on the cell, where the keys work.
    const target = event.target
    if (!(target instanceof HTMLElement) || target.closest('.cell-input') !== null) return
    if (target.closest('input, button') !== null) {
      event.preventDefault()
      const cell = cellOf(target)
      if (cell) moveTo(cell)
    }
  }

  const rowErrors = (index: number): RowErrors => ({
    caseId: visibleError(`cases.${index}.caseId`),
    title: visibleError(`cases.${index}.title`),
    category: visibleError(`cases.${index}.category`),
    steps: visibleError(`cases.${index}.steps`),
    expected: visibleError(`cases.${index}.expected`),
  })

  const goToCase = (index: number, col = firstText) => moveTo({ row: index, col }, 'center')
  const addCase = () => {
    const row = cases.length
    edits.add()
    focusWanted.current = 'nearest'
    setEditing({ row, col: titleCol, field: 'title', original: '' })
    setActive({ row, col: titleCol })
  }
  const undoDelete = (gone: Deleted) => {
    edits.restore(gone.index, gone.testCase)
    setDeleted(null)
    goToCase(gone.index)
  }

  return (
    <section className="cases-editor" aria-labelledby={`${gridId}-title`}>
      <h2 id={`${gridId}-title`}>Cases</h2>
      {visibleError('cases') ? <p className="field-error">{visibleError('cases')}</p> : null}
      <div className="cases-toolbar">
        <CaseFinder
          inputRef={findRef}
          cases={cases}
          from={active.row}
          onFound={(index) => goToCase(index, firstText)}
        />
        <button type="button" onClick={addCase}>
          Add case
        </button>
      </div>
      <CasesAttention
        errors={form.errors}
        visibleError={visibleError}
        cases={cases}
        onGo={(index, field) => {
          const col = columns.findIndex((c) => c.kind === 'text' && c.field === field)
          goToCase(index, col >= 0 ? col : firstText)
        }}
      />
      {deleted ? <DeletedNotice deleted={deleted} onUndo={undoDelete} onDismiss={() => setDeleted(null)} /> : null}
      {extraNames.length > maxShownExtraColumns ? (
        <p className="muted">
          The plan file has {extraNames.length} other columns; the first {maxShownExtraColumns} are shown here. All of
          them are kept with each case and shown in the runner.
        </p>
      ) : null}
      <p className="muted grid-keys" id={`${gridId}-keys`}>
        Arrows, Tab and Home/End move; Enter, F2 or typing edits a cell; Enter keeps the edit, Escape undoes it;
        Shift+Enter starts a new line in Steps and Expected result; Ctrl+F finds a case.
      </p>
      <div
        ref={scrollRef}
        role="grid"
        aria-label="Cases"
        aria-describedby={`${gridId}-keys`}
        aria-rowcount={cases.length + 1}
        aria-colcount={columns.length}
        className="cases-grid"
        style={{ ['--row-height' as string]: `${rowHeight}px`, ['--header-height' as string]: `${headerHeight}px` }}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onMouseDown={onMouseDown}
      >
        <div role="rowgroup" className="grid-head" style={{ width }}>
          <div
            role="row"
            aria-rowindex={1}
            className="grid-row grid-header-row"
            style={{ gridTemplateColumns: template }}
          >
            {columns.map((column, col) => (
              <div key={col} role="columnheader" id={headerId(gridId, col)} aria-colindex={col + 1}>
                {column.header}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" className="grid-body" style={{ width, height: cases.length * rowHeight }}>
          {drawn.map(({ index, top }) => {
            const testCase = cases[index]
            if (testCase === undefined) return null
            const isActive = index === active.row
            return (
              <CaseRow
                key={index}
                index={index}
                testCase={testCase}
                columns={columns}
                template={template}
                top={top}
                gridId={gridId}
                activeCol={isActive ? active.col : null}
                editingCol={editing?.row === index ? editing.col : null}
                typed={editing?.row === index ? editing.typed : undefined}
                errors={rowErrors(index)}
                actions={actions}
              />
            )
          })}
        </div>
      </div>
    </section>
  )
}

/** Scrolls the grid just enough (or, for a jump, to the middle) that the cell is clear of the sticky header. */
function scrollIntoView(
  grid: HTMLElement,
  cell: GridCell,
  columns: readonly { readonly width: number }[],
  how: 'nearest' | 'center',
) {
  const top = headerHeight + cell.row * rowHeight
  if (how === 'center') grid.scrollTop = Math.max(0, top - (grid.clientHeight + headerHeight - rowHeight) / 2)
  else if (top < grid.scrollTop + headerHeight) grid.scrollTop = top - headerHeight
  else if (top + rowHeight > grid.scrollTop + grid.clientHeight) grid.scrollTop = top + rowHeight - grid.clientHeight
  const left = columns.slice(0, cell.col).reduce((sum, c) => sum + c.width, 0)
  const right = left + (columns[cell.col]?.width ?? 0)
  if (left < grid.scrollLeft) grid.scrollLeft = left
  else if (right > grid.scrollLeft + grid.clientWidth) grid.scrollLeft = right - grid.clientWidth
}
