import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { moveInGrid, typesCharacter } from '../../../../renderer/table/grid-navigation'

const bounds = { rows: 3000, cols: 8, pageRows: 12 }

describe('moveInGrid', () => {
  it('moves one cell with the arrows and stops at the edges', () => {
    expect(moveInGrid({ row: 5, col: 2 }, { key: 'ArrowDown' }, bounds)).toEqual({ row: 6, col: 2 })
    expect(moveInGrid({ row: 5, col: 2 }, { key: 'ArrowUp' }, bounds)).toEqual({ row: 4, col: 2 })
    expect(moveInGrid({ row: 5, col: 2 }, { key: 'ArrowLeft' }, bounds)).toEqual({ row: 5, col: 1 })
    expect(moveInGrid({ row: 5, col: 2 }, { key: 'ArrowRight' }, bounds)).toEqual({ row: 5, col: 3 })
    expect(moveInGrid({ row: 0, col: 0 }, { key: 'ArrowUp' }, bounds)).toEqual({ row: 0, col: 0 })
    expect(moveInGrid({ row: 2999, col: 7 }, { key: 'ArrowDown' }, bounds)).toEqual({ row: 2999, col: 7 })
  })

  it('goes along the row with Tab and on to the next row, and leaves the grid past its last cell', () => {
    expect(moveInGrid({ row: 1, col: 6 }, { key: 'Tab' }, bounds)).toEqual({ row: 1, col: 7 })
    expect(moveInGrid({ row: 1, col: 7 }, { key: 'Tab' }, bounds)).toEqual({ row: 2, col: 0 })
    expect(moveInGrid({ row: 2, col: 0 }, { key: 'Tab', shiftKey: true }, bounds)).toEqual({ row: 1, col: 7 })
    expect(moveInGrid({ row: 2999, col: 7 }, { key: 'Tab' }, bounds)).toBeUndefined()
    expect(moveInGrid({ row: 0, col: 0 }, { key: 'Tab', shiftKey: true }, bounds)).toBeUndefined()
  })

  it('jumps to the row ends with Home and End, to the grid ends with Ctrl, and by a screenful with Page keys', () => {
    expect(moveInGrid({ row: 40, col: 3 }, { key: 'Home' }, bounds)).toEqual({ row: 40, col: 0 })
    expect(moveInGrid({ row: 40, col: 3 }, { key: 'End' }, bounds)).toEqual({ row: 40, col: 7 })
    expect(moveInGrid({ row: 40, col: 3 }, { key: 'Home', ctrlKey: true }, bounds)).toEqual({ row: 0, col: 0 })
    expect(moveInGrid({ row: 40, col: 3 }, { key: 'End', metaKey: true }, bounds)).toEqual({ row: 2999, col: 7 })
    expect(moveInGrid({ row: 40, col: 3 }, { key: 'ArrowDown', ctrlKey: true }, bounds)).toEqual({ row: 2999, col: 3 })
    expect(moveInGrid({ row: 40, col: 3 }, { key: 'PageDown' }, bounds)).toEqual({ row: 52, col: 3 })
    expect(moveInGrid({ row: 5, col: 3 }, { key: 'PageUp' }, bounds)).toEqual({ row: 0, col: 3 })
  })

  it('leaves other keys, Alt combinations and an empty grid alone', () => {
    expect(moveInGrid({ row: 1, col: 1 }, { key: 'a' }, bounds)).toBeUndefined()
    expect(moveInGrid({ row: 1, col: 1 }, { key: 'ArrowDown', altKey: true }, bounds)).toBeUndefined()
    expect(moveInGrid({ row: 0, col: 0 }, { key: 'ArrowDown' }, { rows: 0, cols: 8, pageRows: 10 })).toBeUndefined()
  })

  it('always lands inside the grid', () => {
    const keys = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown', 'Tab']
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: -5, max: 60 }),
        fc.integer({ min: -5, max: 15 }),
        fc.constantFrom(...keys),
        fc.boolean(),
        fc.boolean(),
        (rows, cols, row, col, key, shiftKey, ctrlKey) => {
          const to = moveInGrid({ row, col }, { key, shiftKey, ctrlKey }, { rows, cols, pageRows: 5 })
          if (to === undefined) return
          expect(to.row).toBeGreaterThanOrEqual(0)
          expect(to.row).toBeLessThan(rows)
          expect(to.col).toBeGreaterThanOrEqual(0)
          expect(to.col).toBeLessThan(cols)
        },
      ),
    )
  })
})

describe('typesCharacter', () => {
  it('is true for a printable key without Ctrl, Meta or Alt', () => {
    expect(typesCharacter({ key: 'a' })).toBe(true)
    expect(typesCharacter({ key: 'Ä', shiftKey: true })).toBe(true)
    expect(typesCharacter({ key: 'c', ctrlKey: true })).toBe(false)
    expect(typesCharacter({ key: 'v', metaKey: true })).toBe(false)
    expect(typesCharacter({ key: 'Enter' })).toBe(false)
  })
})
