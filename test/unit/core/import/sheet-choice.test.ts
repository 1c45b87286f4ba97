import { describe, expect, test } from 'vitest'
import { guessMapping, headerScore } from '../../../../core/import/plan-columns'
import { readPlanBytes } from '../../../../core/import/read-plan-file'
import { readTable } from '../../../../core/import/read-table'
import type { TableRead } from '../../../../core/import/read-table'
import { csv, header, planRows, utf8, xlsxBytes } from './plan-files'

const table = (read: TableRead) => {
  if (!read.ok) throw new Error(`expected a table, got: ${read.message}`)
  return read
}

const instructions = [
  ['How to use this workbook'],
  ['Fill in one row per case on the sheet "Test cases".'],
  ['Name', 'Acme Labs'],
  ['Instructions for the tester: run every case in order and write the result in the Notes column.'],
  ['Version', '3'],
]

const germanHeader = ['Nr.', 'Testfall', 'Kategorie', 'Beschreibung', 'Erwartetes Ergebnis', 'Pflicht']
const germanRows = (n: number) =>
  Array.from({ length: n }, (_, index) => [
    `TF-${index + 1}`,
    `Einschalten ${index + 1}`,
    'Alexa.PowerController',
    'Sage „Alexa, schalte die Lampe ein“.',
    'Die Lampe geht an.',
    index % 4 === 0 ? 'nein' : 'ja',
  ])

describe('headerScore', () => {
  test('counts the plan fields a row names, plus one when it names both an ID and a title', () => {
    expect(headerScore([...header])).toBe(7)
    expect(headerScore(['TC #', 'Test case', 'Expected', 'Notes'])).toBe(4)
    expect(headerScore(['Name', 'Acme Labs'])).toBe(1)
    expect(headerScore(['How to use this workbook'])).toBe(0)
    expect(headerScore([])).toBe(0)
  })

  test('a sentence that starts with a field name is not a header', () => {
    expect(headerScore(['Instructions for the tester: run every case in order.'])).toBe(0)
    expect(headerScore(['Steps'])).toBe(1)
  })

  test('takes time in proportion to the row, whatever its cells hold', () => {
    const row = Array.from({ length: 100_000 }, (_, index) => (index % 2 === 0 ? '('.repeat(300) : 'Title'))
    const startedAt = performance.now()
    expect(headerScore(row)).toBe(1)
    expect(performance.now() - startedAt).toBeLessThan(500)
  })
})

describe('header spellings', () => {
  test.each([
    ['caseId', ['TC #', 'TC-Nr.', 'Test ID', 'No.', 'Nr.', 'Lfd. Nr.', 'Testfall-ID', 'Testfall Nr.', 'Test Case #']],
    ['title', ['Test case', 'Testfall', 'Titel', 'Bezeichnung', 'Testfallname']],
    ['category', ['Kategorie', 'Bereich', 'Fähigkeit', 'Schnittstelle', 'Module']],
    ['steps', ['Testschritte', 'Schritte', 'Durchführung', 'Vorgehen', 'Actions']],
    [
      'expected',
      ['Expected', 'Pass criteria', 'Pass/fail criteria', 'Erwartetes Ergebnis', 'Soll-Ergebnis', 'Akzeptanzkriterien'],
    ],
    ['required', ['Mandatory', 'Mandatory (Y/N)', 'Mandatory?', 'Pflicht', 'Pflicht?', 'Muss/Kann', 'Verpflichtend']],
  ] as const)('recognises the English and German names of %s', (field, headers) => {
    for (const name of headers) expect(guessMapping(['Notes', name])[field], name).toBe(1)
  })

  test('"Beschreibung" is the title when nothing else is, and the steps beside a "Testfall"', () => {
    expect(guessMapping(['Nr.', 'Beschreibung'])).toMatchObject({ caseId: 0, title: 1, steps: null })
    expect(guessMapping(germanHeader)).toEqual({
      caseId: 0,
      title: 1,
      category: 2,
      steps: 3,
      expected: 4,
      required: 5,
    })
  })

  test('Notes, Precondition, Priority and Locale are no field of a plan', () => {
    expect(guessMapping(['Notes', 'Precondition', 'Priority', 'Locale', 'Vorbedingung', 'Priorität'])).toEqual({
      caseId: null,
      title: null,
      category: null,
      steps: null,
      expected: null,
      required: null,
    })
  })
})

describe('choosing the sheet of a workbook', () => {
  test('passes over an instructions sheet in front and names every sheet with its rows', () => {
    const bytes = xlsxBytes({
      Instructions: instructions,
      'Test cases': [['Acme smart plug plan, v3'], germanHeader, ...germanRows(150)],
      Lists: [['ja'], ['nein']],
    })
    const read = table(readTable({ name: 'plan.xlsx', bytes }))
    expect(read).toMatchObject({ sheetName: 'Test cases', sheetBasis: 'best-header', headerRow: 2, firstDataRow: 3 })
    expect(read.rows).toHaveLength(150)
    // Rows below each sheet's header, as reading that sheet would take it: Instructions' is "Name | Acme Labs".
    expect(read.sheets.map(({ name, rows, hidden }) => ({ name, rows, hidden }))).toEqual([
      { name: 'Instructions', rows: 2, hidden: false },
      { name: 'Test cases', rows: 150, hidden: false },
      { name: 'Lists', rows: 1, hidden: false },
    ])
  })

  test('of two plan-like sheets takes the one whose header names more fields, then the first', () => {
    const better = xlsxBytes({
      Short: [['ID', 'Title'], ...planRows(2).map((row) => row.slice(0, 2))],
      Full: [[...header], ...planRows(3)],
    })
    expect(table(readTable({ name: 'plan.xlsx', bytes: better })).sheetName).toBe('Full')
    const equal = xlsxBytes({ First: [[...header], ...planRows(2)], Second: [[...header], ...planRows(5)] })
    expect(table(readTable({ name: 'plan.xlsx', bytes: equal })).sheetName).toBe('First')
  })

  test('prefers a visible sheet to a hidden one with as good a header', () => {
    const bytes = xlsxBytes(
      { Old: [[...header], ...planRows(2)], Current: [[...header], ...planRows(4)] },
      { hidden: ['Old'] },
    )
    const read = table(readTable({ name: 'plan.xlsx', bytes }))
    expect(read.sheetName).toBe('Current')
    expect(read.sheets.find((sheet) => sheet.name === 'Old')?.hidden).toBe(true)
  })

  test('with no plan-like header anywhere, reads the first sheet with text, as before', () => {
    const bytes = xlsxBytes({
      Empty: [],
      Mine: [
        ['Foo', 'Bar'],
        ['a', 'b'],
      ],
    })
    expect(table(readTable({ name: 'plan.xlsx', bytes }))).toMatchObject({
      sheetName: 'Mine',
      sheetBasis: 'first-with-text',
    })
  })

  test('reads the sheet the person chose, and says when there is no such sheet', async () => {
    const bytes = xlsxBytes({ Instructions: instructions, Cases: [[...header], ...planRows(3)] })
    const chosen = table(readTable({ name: 'plan.xlsx', bytes, sheet: 'Instructions' }))
    expect(chosen).toMatchObject({ sheetName: 'Instructions', sheetBasis: 'chosen' })
    const missing = readTable({ name: 'plan.xlsx', bytes, sheet: 'Gone' })
    expect(missing).toEqual({ ok: false, message: 'plan.xlsx has no sheet named “Gone”. Choose one of its sheets.' })
    const onlyHeader = xlsxBytes({ Cover: [['Title', 'ID']], Cases: [[...header], ...planRows(1)] })
    expect(readTable({ name: 'plan.xlsx', bytes: onlyHeader, sheet: 'Cover' })).toEqual({
      ok: false,
      message: 'Sheet “Cover” of plan.xlsx has a header row but no cases below it.',
    })
    const read = await readPlanBytes({ name: 'plan.xlsx', bytes })
    expect(read.ok && read.table.sheetName).toBe('Cases')
  })

  test('a CSV with notes above its header reads the header that names the fields', () => {
    const text = csv([
      ['Plan', 'Acme'],
      ['Owner', 'Lab 2'],
      ['TC #', 'Test case', 'Expected'],
      ['1', 'On', 'Lamp on'],
    ])
    expect(table(readTable({ name: 'plan.csv', bytes: utf8(text) }))).toMatchObject({
      headerRow: 3,
      sheets: [],
      sheetBasis: null,
    })
  })
})

describe('columns no field is read from', () => {
  test('are kept with each case in file order, under their header; empty cells are left out', async () => {
    const text = csv([
      ['TC #', 'Notes', 'Test case', 'Precondition', 'Priority', '', 'Locale'],
      ['1', 'Check twice', 'On', 'Plug paired', 'High', 'x', 'de-DE'],
      ['2', '', 'Off', '', 'Low', '', ''],
    ])
    const read = await readPlanBytes({ name: 'plan.csv', bytes: utf8(text) })
    if (!read.ok) throw new Error(read.message)
    expect(read.check.problems).toEqual([])
    expect(read.check.cases[0]?.extra).toEqual([
      { column: 'Notes', value: 'Check twice' },
      { column: 'Precondition', value: 'Plug paired' },
      { column: 'Priority', value: 'High' },
      { column: 'Column F', value: 'x' },
      { column: 'Locale', value: 'de-DE' },
    ])
    expect(read.check.cases[1]?.extra).toEqual([{ column: 'Priority', value: 'Low' }])
  })

  test('a case with nothing in other columns has no extra field at all', async () => {
    const read = await readPlanBytes({ name: 'plan.csv', bytes: utf8(csv([[...header], ...planRows(1)])) })
    expect(read.ok && Object.hasOwn(read.check.cases[0] ?? {}, 'extra')).toBe(false)
  })

  test('an over-long kept cell is a problem in its column, which leaving the column out removes', async () => {
    const text = csv([
      ['ID', 'Title', 'Notes'],
      ['1', 'On', 'n'.repeat(8001)],
    ])
    const read = await readPlanBytes({ name: 'plan.csv', bytes: utf8(text) })
    if (!read.ok) throw new Error(read.message)
    expect(read.check.problems).toEqual([
      {
        row: 2,
        column: 'Notes',
        message:
          "This cell has 8,001 characters; a kept column's cell can be at most 8,000. Shorten it, or leave the column out below.",
      },
    ])
    const { validatePlanRows } = await import('../../../../core/import/validate-plan-rows')
    expect(validatePlanRows(read.table, read.guessed, new Set([2])).cases).toHaveLength(1)
  })
})
