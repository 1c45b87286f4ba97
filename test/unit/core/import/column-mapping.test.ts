import { describe, expect, test } from 'vitest'
import { headerKey } from '../../../../core/import/column-mapping'
import { guessMapping, isOptionalColumn } from '../../../../core/import/plan-columns'

describe('guessMapping', () => {
  test('maps the documented headers', () => {
    expect(guessMapping(['Case ID', 'Title', 'Category', 'Steps', 'Expected result', 'Required'])).toEqual({
      caseId: 0,
      title: 1,
      category: 2,
      steps: 3,
      expected: 4,
      required: 5,
    })
  })

  test.each([
    ['caseId', ['Case ID', 'ID', 'Test ID', 'TC', 'test_case_id', 'CASE-ID', 'Case #', 'No.', '#']],
    ['title', ['Title', 'Name', 'Test case', 'TEST NAME', 'Test-Case']],
    ['category', ['Category', 'Capability', 'Interface', 'Alexa interface', 'Capability / Interface']],
    ['steps', ['Steps', 'Procedure', 'Test steps', 'TEST_STEPS']],
    ['expected', ['Expected', 'Expected result', 'Expected Results', 'Expected result (pass criteria)']],
    ['required', ['Required', 'Mandatory', 'Optional', 'Required?', 'Required / Optional', 'Required (Y/N)']],
  ] as const)('recognises the usual names of %s, whatever the case and punctuation', (field, headers) => {
    for (const header of headers) expect(guessMapping(['Notes', header])[field], header).toBe(1)
  })

  test('tells "Test case" (a title) from "Test case ID"', () => {
    expect(guessMapping(['Test case', 'Test case ID'])).toMatchObject({ caseId: 1, title: 0 })
  })

  test('prefers a field’s most usual name, and gives each column to one field', () => {
    expect(guessMapping(['ID', 'Name', 'Title'])).toMatchObject({ caseId: 0, title: 2 })
    expect(guessMapping(['Title', 'Title'])).toMatchObject({ title: 0 })
  })

  test('leaves a field unmapped when no header names it', () => {
    expect(guessMapping(['Foo', 'Bar', '', '()'])).toEqual({
      caseId: null,
      title: null,
      category: null,
      steps: null,
      expected: null,
      required: null,
    })
  })

  test('accepts a header that starts with a field’s name when nothing matches exactly', () => {
    expect(guessMapping(['Steps to follow', 'Expected outcome on the device'])).toMatchObject({ steps: 0, expected: 1 })
  })
})

describe('headerKey and isOptionalColumn', () => {
  test('compare headers without case, spaces, punctuation or a bracketed note', () => {
    expect(headerKey('  Expected Result (pass criteria) ')).toBe('expectedresult')
    expect(headerKey('Ｃａｓｅ　ＩＤ')).toBe('caseid')
  })

  test('an "Optional" column inverts the meaning of yes', () => {
    expect(isOptionalColumn('Optional?')).toBe(true)
    expect(isOptionalColumn('Required / Optional')).toBe(false)
    expect(isOptionalColumn('Required')).toBe(false)
  })
})
