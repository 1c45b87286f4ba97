/** A cell of a grid: its row and column, counted from 0 (the header row is not counted). */
export type GridCell = { readonly row: number; readonly col: number }

export type GridBounds = {
  readonly rows: number
  readonly cols: number
  /** Rows one Page Up or Page Down moves: about what the grid shows at once. */
  readonly pageRows: number
}

/** The keys of a keydown that move the active cell; the rest of the event does not matter here. */
export type GridKey = {
  readonly key: string
  readonly shiftKey?: boolean
  readonly ctrlKey?: boolean
  readonly metaKey?: boolean
  readonly altKey?: boolean
}

const clamp = (n: number, low: number, high: number) => Math.max(low, Math.min(high, n))

/**
 * Where a key moves the active cell, as a spreadsheet moves it: arrows one
 * cell, Tab and Shift+Tab along the row and on to the next or previous row,
 * Home and End to the row's ends (with Ctrl, to the grid's), Page Up and Page
 * Down by a screenful. `undefined` when the key does not move (so the grid
 * leaves it alone, and Tab at the grid's last cell leaves the grid).
 */
export function moveInGrid(from: GridCell, key: GridKey, bounds: GridBounds): GridCell | undefined {
  const { rows, cols } = bounds
  if (rows === 0 || cols === 0 || key.altKey) return undefined
  const lastRow = rows - 1
  const lastCol = cols - 1
  const at = { row: clamp(from.row, 0, lastRow), col: clamp(from.col, 0, lastCol) }
  const ctrl = key.ctrlKey === true || key.metaKey === true
  const to = (row: number, col: number): GridCell => ({ row: clamp(row, 0, lastRow), col: clamp(col, 0, lastCol) })
  switch (key.key) {
    case 'ArrowUp':
      return ctrl ? to(0, at.col) : to(at.row - 1, at.col)
    case 'ArrowDown':
      return ctrl ? to(lastRow, at.col) : to(at.row + 1, at.col)
    case 'ArrowLeft':
      return ctrl ? to(at.row, 0) : to(at.row, at.col - 1)
    case 'ArrowRight':
      return ctrl ? to(at.row, lastCol) : to(at.row, at.col + 1)
    case 'Home':
      return ctrl ? to(0, 0) : to(at.row, 0)
    case 'End':
      return ctrl ? to(lastRow, lastCol) : to(at.row, lastCol)
    case 'PageUp':
      return to(at.row - Math.max(1, bounds.pageRows), at.col)
    case 'PageDown':
      return to(at.row + Math.max(1, bounds.pageRows), at.col)
    case 'Tab':
      if (ctrl) return undefined
      if (key.shiftKey === true) {
        if (at.col > 0) return to(at.row, at.col - 1)
        return at.row > 0 ? to(at.row - 1, lastCol) : undefined
      }
      if (at.col < lastCol) return to(at.row, at.col + 1)
      return at.row < lastRow ? to(at.row + 1, 0) : undefined
    default:
      return undefined
  }
}

/** A key that types a character (not a shortcut): in a spreadsheet, it starts editing the cell with that character. */
export const typesCharacter = (key: GridKey): boolean =>
  key.key.length === 1 && key.ctrlKey !== true && key.metaKey !== true && key.altKey !== true
