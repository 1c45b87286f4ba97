import { describe, expect, test } from 'vitest'
import * as xlsx from 'xlsx'
import { guessMapping } from '../../../../core/import/plan-columns'
import { readPlanBytes } from '../../../../core/import/read-plan-file'
import { validatePlanRows } from '../../../../core/import/validate-plan-rows'
import { header, xlsxFromBook } from './plan-files'

function bookWithFormulas(): Uint8Array {
  const sheet = xlsx.utils.aoa_to_sheet([
    [...header, 'Notes'],
    ['TC-1', 'Turn on', 'Power', 'Say turn on', 'On', 'yes', ''],
    ['TC-2', 'Turn off', 'Power', 'Say turn off', 'Off', 'yes', ''],
  ])
  // A title computed from another cell, a saved value the sheet shows, and a formula in a column nobody reads.
  sheet['B3'] = { t: 's', v: 'Turn off twice', f: 'A3&" twice"' }
  sheet['G2'] = { t: 'n', v: 4, f: 'B7*2' }
  const book = xlsx.utils.book_new()
  xlsx.utils.book_append_sheet(book, sheet, 'Plan')
  return xlsxFromBook(book)
}

describe('formula cells', () => {
  test('a formula in a column that is read is a problem with its cell address, and its case is not imported', async () => {
    const read = await readPlanBytes({ name: 'plan.xlsx', bytes: bookWithFormulas() })
    if (!read.ok) throw new Error(read.message)
    expect(read.table.formulas).toEqual([
      { row: 2, column: 6, address: 'G2', formula: '=B7*2' },
      { row: 3, column: 1, address: 'B3', formula: '=A3&" twice"' },
    ])
    expect(read.check.problems).toEqual([
      {
        row: 2,
        column: 'Notes',
        message:
          'G2 holds a formula (=B7*2); WWA Lab imports values only — type the value or paste values. Or leave this column out of the import below.',
      },
      {
        row: 3,
        column: 'Title',
        message: 'B3 holds a formula (=A3&" twice"); WWA Lab imports values only — type the value or paste values.',
      },
    ])
    expect(read.check.cases.map((c) => c.caseId)).toEqual([])
  })

  test('a formula in a column left out of the import is no problem, and becomes one once that column is chosen', async () => {
    const read = await readPlanBytes({ name: 'plan.xlsx', bytes: bookWithFormulas() })
    if (!read.ok) throw new Error(read.message)
    const guessed = guessMapping(read.table.headers)
    const withoutNotes = validatePlanRows(read.table, guessed, new Set([6]))
    expect(withoutNotes.problems.map((problem) => problem.column)).toEqual(['Title'])
    expect(withoutNotes.cases.map((c) => c.caseId)).toEqual(['TC-1'])
    const withNotes = validatePlanRows(read.table, { ...guessed, category: 6 })
    expect(withNotes.problems).toContainEqual({
      row: 2,
      column: 'Notes',
      message: 'G2 holds a formula (=B7*2); WWA Lab imports values only — type the value or paste values.',
    })
  })

  test('a long formula is clipped in the message', () => {
    const table = {
      headerRow: 1,
      headers: ['Case ID', 'Title'],
      rows: [['TC-1', 'x']],
      rowNumbers: [2],
      formulas: [{ row: 2, column: 1, address: 'B2', formula: `=${'A1+'.repeat(100)}1` }],
    }
    const [problem] = validatePlanRows(table, guessMapping(table.headers)).problems
    expect(problem?.message).toMatch(/^B2 holds a formula \(=A1\+A1\+.{40,60}…\); WWA Lab imports values only/)
  })
})
