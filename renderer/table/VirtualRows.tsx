import { useVirtualizer } from '@tanstack/react-virtual'
import type { ReactNode, RefObject } from 'react'

/** A row's guessed height before it is measured; rows that wrap are measured as drawn. */
const estimatedRowHeight = 44
/** Rows drawn beyond the view on each side, so a scroll shows rows at once. */
const overscan = 8
/** The box's height assumed before it is laid out (the first paint). */
const heightBeforeLayout = 900
/** Rows drawn when the box has no height at all. */
const rowsWithoutLayout = Math.ceil(heightBeforeLayout / estimatedRowHeight)

type Props<R> = {
  readonly rows: readonly R[]
  /** The box that scrolls: the table's own wrapper. */
  readonly scrollRef: RefObject<HTMLDivElement | null>
  readonly columnCount: number
  /** Each row's lasting key: a row's measured height stays with it when sorting or filtering moves it. */
  readonly keyOf: (row: R) => string
  /** Draws one row; `at` places it (data-index, aria-rowindex) and measures its height. */
  readonly draw: (row: R, at: { index: number; measure: (row: HTMLTableRowElement | null) => void }) => ReactNode
}

/**
 * The rows of a long table that are in view, between two spacer rows that hold the height of the rest, so
 * thousands of rows open and scroll as fast as a page of them. Sorting and filtering still see every row.
 */
export function VirtualRows<R>({ rows, scrollRef, columnCount, keyOf, draw }: Props<R>) {
  // This app does not use the React Compiler; the virtualiser's own state drives its re-renders.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimatedRowHeight,
    getItemKey: (index) => {
      const row = rows[index]
      return row === undefined ? index : keyOf(row)
    },
    overscan,
    initialRect: { width: 0, height: heightBeforeLayout },
    useFlushSync: false,
  })
  const laidOut = virtualizer.getVirtualItems()
  // A box with no height (not laid out, or hidden) shows none in view: it draws the first rows instead.
  const items =
    laidOut.length > 0
      ? laidOut
      : Array.from({ length: Math.min(rows.length, rowsWithoutLayout) }, (_, index) => ({
          index,
          start: index * estimatedRowHeight,
          end: (index + 1) * estimatedRowHeight,
        }))
  const before = items[0]?.start ?? 0
  const after = Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0))
  return (
    <>
      {before > 0 ? <Spacer height={before} columnCount={columnCount} /> : null}
      {items.map((item) => {
        const row = rows[item.index]
        return row === undefined ? null : draw(row, { index: item.index, measure: virtualizer.measureElement })
      })}
      {after > 0 ? <Spacer height={after} columnCount={columnCount} /> : null}
    </>
  )
}

function Spacer({ height, columnCount }: { readonly height: number; readonly columnCount: number }) {
  return (
    <tr aria-hidden="true" className="spacer">
      <td colSpan={columnCount} style={{ height, padding: 0, border: 'none' }} />
    </tr>
  )
}
