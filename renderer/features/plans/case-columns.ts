import type { TestCase } from '../../../core/model/test-plan'

export type TextField = 'caseId' | 'title' | 'category' | 'steps' | 'expected'

/** A column of the cases grid: what its cells hold and how they are edited. */
export type CaseColumn =
  | { readonly kind: 'number'; readonly header: string; readonly width: number }
  | {
      readonly kind: 'text'
      readonly field: TextField
      readonly header: string
      readonly width: number
      /** Steps and expected results span lines: Enter ends the edit, Shift+Enter starts a new line. */
      readonly multiline: boolean
    }
  | { readonly kind: 'required'; readonly header: string; readonly width: number }
  /** A column of the plan file the fields do not use, kept with each case: shown, not edited here. */
  | { readonly kind: 'extra'; readonly header: string; readonly width: number }
  | { readonly kind: 'delete'; readonly header: string; readonly width: number }

/** Most kept columns the grid shows; a file with more keeps them all, and the runner shows them. */
export const maxShownExtraColumns = 24

const fixedStart: readonly CaseColumn[] = [
  { kind: 'number', header: '#', width: 64 },
  { kind: 'text', field: 'caseId', header: 'ID', width: 120, multiline: false },
  { kind: 'text', field: 'title', header: 'Title', width: 260, multiline: false },
  { kind: 'text', field: 'category', header: 'Category', width: 170, multiline: false },
  { kind: 'text', field: 'steps', header: 'Steps', width: 280, multiline: true },
  { kind: 'text', field: 'expected', header: 'Expected result', width: 260, multiline: true },
  { kind: 'required', header: 'Required', width: 96 },
]

const deleteColumn: CaseColumn = { kind: 'delete', header: 'Delete', width: 92 }

/** The names of the kept columns, in the order the plan's cases first use them. */
export function extraColumnNames(cases: readonly TestCase[]): string[] {
  const names = new Set<string>()
  for (const testCase of cases) for (const field of testCase.extra ?? []) names.add(field.column)
  return [...names]
}

/** Every column of the grid, the kept ones (at most maxShownExtraColumns) between Required and Delete. */
export function caseColumns(extraNames: readonly string[]): CaseColumn[] {
  const extras = extraNames
    .slice(0, maxShownExtraColumns)
    .map((header): CaseColumn => ({ kind: 'extra', header, width: 180 }))
  return [...fixedStart, ...extras, deleteColumn]
}

/** A case's cell in a kept column, as the file had it ('' when the case had none). */
export const extraValue = (testCase: TestCase, column: string): string =>
  testCase.extra?.find((field) => field.column === column)?.value ?? ''
