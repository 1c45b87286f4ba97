import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { guessMapping } from '../../../../core/import/plan-columns'
import type { ColumnMapping } from '../../../../core/import/plan-columns'
import { readTable } from '../../../../core/import/read-table'
import type { Table } from '../../../../core/import/read-table'
import { validatePlanRows } from '../../../../core/import/validate-plan-rows'
import { csv, header, planRows, utf8, xlsxBytes } from './plan-files'

const read = (name: string, bytes: Uint8Array): Table => {
  const result = readTable({ name, bytes })
  if (!result.ok) throw new Error(result.message)
  return result
}
const check = (table: Table) => validatePlanRows(table, guessMapping(table.headers))
const fromCsv = (rows: readonly (readonly string[])[]) => read('plan.csv', utf8(csv(rows)))

describe('validatePlanRows', () => {
  test('turns every valid row into a case', () => {
    const { cases, problems } = check(fromCsv([[...header], ...planRows(4)]))
    expect(problems).toEqual([])
    expect(cases).toHaveLength(4)
    expect(cases[0]).toEqual({
      caseId: 'TC-0001',
      title: 'Case 1',
      category: 'Alexa.PowerController',
      steps: 'Say "Alexa, turn on lamp 1"',
      expected: 'The lamp turns on within 2 seconds',
      required: false,
    })
  })

  test('reports a plan with errors in three rows: exactly those rows and columns', () => {
    const rows = planRows(8)
    rows[1]![1] = '' // file row 3: no title
    rows[3]![5] = 'maybe' // file row 5: neither required nor optional
    rows[5]![0] = 'TC-0002' // file row 7: the ID of file row 3
    const bytes = xlsxBytes({ Plan: [[...header], ...rows] })
    const { problems, cases } = check(read('plan.xlsx', bytes))
    expect(problems.map(({ row, column }) => ({ row, column }))).toEqual([
      { row: 3, column: 'Title' },
      { row: 5, column: 'Required' },
      { row: 7, column: 'Case ID' },
    ])
    expect(problems.map((problem) => problem.message)).toEqual([
      'Title is required.',
      '"maybe" is not a yes or no. Write yes or no (also y/n, true/false, 1/0, x), or required or optional; an empty cell means required.',
      'Case ID TC-0002 is already used in row 3; case IDs must be unique in a plan.',
    ])
    expect(cases).toHaveLength(5)
  })

  test('numbers problems by the row in the file, past empty rows and a title', () => {
    const table = read(
      'plan.xlsx',
      xlsxBytes({ Plan: [['Lamp plan'], [...header], [], ['', 'No ID', '', '', '', '']] }),
    )
    expect(check(table).problems).toEqual([{ row: 4, column: 'Case ID', message: 'Case ID is required.' }])
  })

  test('uses TestCase’s limits and messages for over-long fields', () => {
    const rows = [['TC-'.padEnd(41, '9'), 'x'.repeat(301), 'c'.repeat(121), 's'.repeat(8001), 'e'.repeat(4001), '']]
    expect(check(fromCsv([[...header], ...rows])).problems).toEqual([
      { row: 2, column: 'Case ID', message: 'A case ID can be at most 40 characters.' },
      { row: 2, column: 'Title', message: 'Title can be at most 300 characters.' },
      { row: 2, column: 'Category', message: 'Category or capability can be at most 120 characters.' },
      { row: 2, column: 'Steps', message: 'Steps can be at most 8000 characters.' },
      { row: 2, column: 'Expected result', message: 'Expected result can be at most 4000 characters.' },
    ])
  })

  test('reads every documented way of writing required or optional', () => {
    const values = ['yes', 'Y', 'TRUE', '1', 'x', 'Required', 'mandatory', '', 'no', 'n', 'False', '0', 'optional']
    const rows = values.map((value, index) => [`TC-${index}`, 'T', value])
    const required = check(fromCsv([['Case ID', 'Title', 'Required'], ...rows])).cases.map(
      (testCase) => testCase.required,
    )
    expect(required).toEqual([true, true, true, true, true, true, true, true, false, false, false, false, false])
  })

  test('inverts yes and no in an "Optional" column; blank is still required', () => {
    const rows = [
      ['TC-1', 'A', 'yes'],
      ['TC-2', 'B', ''],
      ['TC-3', 'C', 'no'],
      ['TC-4', 'D', 'x'],
      ['TC-5', 'E', 'required'],
    ]
    const { cases, problems } = check(fromCsv([['ID', 'Title', 'Optional'], ...rows]))
    expect(problems).toEqual([])
    expect(cases.map((testCase) => testCase.required)).toEqual([false, true, true, false, true])
  })

  test('treats every case as required when no column says otherwise', () => {
    expect(
      check(
        fromCsv([
          ['ID', 'Title'],
          ['TC-1', 'A'],
        ]),
      ).cases[0]?.required,
    ).toBe(true)
  })

  test('reports a missing Case ID or Title column once, on the header row, and checks no rows', () => {
    const { problems, cases } = check(
      fromCsv([
        ['Identifier', 'Heading', 'Steps'],
        ['TC-1', 'A', 's'],
      ]),
    )
    expect(cases).toEqual([])
    expect(problems).toEqual([
      {
        row: 1,
        column: 'Case ID',
        message: "No column is chosen for Case ID. Choose the column that holds each case's ID.",
      },
      {
        row: 1,
        column: 'Title',
        message: "No column is chosen for Title. Choose the column that holds each case's title.",
      },
    ])
  })

  test('reports one column chosen for two fields, and a column index that does not exist', () => {
    const table = fromCsv([
      ['ID', 'Title'],
      ['TC-1', 'A'],
    ])
    const mapping: ColumnMapping = { caseId: 0, title: 0, category: null, steps: null, expected: null, required: 7 }
    expect(validatePlanRows(table, mapping).problems).toEqual([
      {
        row: 1,
        column: 'ID',
        message: 'Case ID and Title are both read from this column. Choose a different column for one of them.',
      },
    ])
  })

  test('names the field when the chosen column has no header text', () => {
    const table = fromCsv([
      ['ID', '', 'Title'],
      ['TC-1', '', 'A'],
    ])
    const mapping: ColumnMapping = { ...guessMapping(table.headers), category: 1 }
    expect(validatePlanRows(table, { ...mapping, steps: null })).toEqual({
      cases: [{ caseId: 'TC-1', title: 'A', category: '', steps: '', expected: '', required: true }],
      problems: [],
    })
    const long = fromCsv([
      ['ID', '', 'Title'],
      ['TC-1', 'c'.repeat(121), 'A'],
    ])
    expect(validatePlanRows(long, mapping).problems).toEqual([
      { row: 2, column: 'Category or capability', message: 'Category or capability can be at most 120 characters.' },
    ])
  })

  test('validates a JSON plan with true/false and numbers', () => {
    const text = JSON.stringify(
      {
        cases: [
          { caseId: 1, title: 'Power', required: true },
          { caseId: 2, title: 'Dim', required: false },
        ],
      },
      null,
      2,
    )
    const { cases, problems } = check(read('plan.json', utf8(text)))
    expect(problems).toEqual([])
    expect(cases.map(({ caseId, required }) => ({ caseId, required }))).toEqual([
      { caseId: '1', required: true },
      { caseId: '2', required: false },
    ])
  })

  test('never throws on any table and mapping, and reports only rows of the file', () => {
    const cell = fc.oneof(
      fc.constantFrom('', 'yes', 'no', 'maybe', 'TC-1', 'TC-2', ' x ', 'Title'),
      fc.string({ maxLength: 50 }),
    )
    const tableArbitrary = fc.integer({ min: 0, max: 6 }).chain((width) =>
      fc.record({
        headerRow: fc.integer({ min: 1, max: 5 }),
        headers: fc.array(
          fc.oneof(fc.constantFrom('Case ID', 'Title', 'Optional', 'Required'), fc.string({ maxLength: 10 })),
          { minLength: width, maxLength: width },
        ),
        rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 20 }),
      }),
    )
    const index = fc.option(fc.integer({ min: -1, max: 7 }))
    const mapping = fc.record({
      caseId: index,
      title: index,
      category: index,
      steps: index,
      expected: index,
      required: index,
    })
    fc.assert(
      fc.property(tableArbitrary, mapping, (partial, columns) => {
        const table = { ...partial, rowNumbers: partial.rows.map((_, at) => partial.headerRow + 1 + at * 2) }
        const { cases, problems } = validatePlanRows(table, columns)
        const rows = new Set([table.headerRow, ...table.rowNumbers])
        for (const problem of problems) {
          expect(rows.has(problem.row)).toBe(true)
          expect(problem.column).not.toBe('')
          expect(problem.message).not.toBe('')
        }
        expect(cases.length).toBeLessThanOrEqual(table.rows.length)
      }),
      { numRuns: 500 },
    )
  })
})

describe('the examples in docs/test-plan-format.md', () => {
  const doc = readFileSync(new URL('../../../../docs/test-plan-format.md', import.meta.url), 'utf8')
  const block = (language: string) => {
    const found = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(doc)?.[1]
    if (found === undefined) throw new Error(`no ${language} example in the doc`)
    return found
  }

  test('the CSV example imports as documented', () => {
    const { cases, problems } = check(read('example.csv', utf8(block('csv'))))
    expect(problems).toEqual([])
    expect(cases.map(({ caseId, required }) => [caseId, required])).toEqual([
      ['DISC-01', true],
      ['PWR-01', true],
      ['PWR-02', true],
      ['BRT-01', false],
    ])
    expect(cases[0]?.steps).toBe('1. Reset the device\n2. Say "Alexa, discover my devices"')
  })

  test('the JSON example imports as documented', () => {
    const { cases, problems } = check(read('example.json', utf8(block('json'))))
    expect(problems).toEqual([])
    expect(cases.map(({ caseId, required, steps }) => [caseId, required, steps])).toEqual([
      ['PWR-01', true, 'Say "Alexa, turn on the lamp"'],
      ['BRT-01', false, ''],
    ])
  })
})
