import { maxPlanCases, TestCase } from '../model/test-plan'
import { columnTitle, mappedColumn, mappingProblems } from './column-mapping'
import { isOptionalColumn, planFieldLabels, planFields, planVocabulary } from './plan-columns'
import type { ColumnMapping, PlanField } from './plan-columns'
import { parseRequired } from './required-value'
import { count } from './table'
import type { FormulaCell, Table } from './table'
import { clip } from '../text/clip'
import type { RowProblem } from './row-problem'
import { extraCellProblem, extraFieldsOf, keptColumns } from './extra-columns'

/** One thing wrong with a plan file (the shared shape of every import's report). */
export type PlanRowProblem = RowProblem

/** The cases of the rows that are valid, and every problem; a plan is stored only when there are no problems. */
export type PlanRowsCheck = { readonly cases: TestCase[]; readonly problems: PlanRowProblem[] }

/** The words for a formula cell in a column that is read; a formula is never imported, neither as text nor by its saved value. */
export const formulaMessage = (cell: Pick<FormulaCell, 'address' | 'formula'>) =>
  `${cell.address} holds a formula (${clip(cell.formula, 60)}); WWA Lab imports values only — type the value or paste values.`

/**
 * Checks every row of a table read from a plan file against TestCase, so the report
 * says what the plan editor would say, plus what only a file can get wrong: columns
 * not chosen, a required/optional value that is neither, a case ID used twice, a
 * formula in a column that is read (it blocks the import, like any other problem).
 * Every column no field is read from is kept with each case (as `extra`), but those
 * in `leftOut`; a formula or an over-long cell there is a problem too.
 */
export function validatePlanRows(
  table: Pick<Table, 'headerRow' | 'headers' | 'rows' | 'rowNumbers'> & { readonly formulas?: Table['formulas'] },
  mapping: ColumnMapping,
  leftOut: ReadonlySet<number> = new Set(),
): PlanRowsCheck {
  const column = (field: PlanField) => columnTitle(planVocabulary, table.headers, mapping, field)
  const unmapped = mappingProblems(planVocabulary, table, mapping, {
    fields: ['caseId', 'title'],
    unmapped: (field) =>
      `No column is chosen for ${planFieldLabels[field]}. Choose the column that holds each case's ${field === 'caseId' ? 'ID' : 'title'}.`,
  })
  if (unmapped.length > 0) return { cases: [], problems: unmapped }

  const cases: TestCase[] = []
  const problems: PlanRowProblem[] = []
  if (table.rows.length > maxPlanCases) {
    problems.push({
      row: table.headerRow,
      column: column('caseId'),
      message: `This plan has ${count(table.rows.length)} cases; a plan can have at most ${count(maxPlanCases)}.`,
    })
  }
  const requiredIndex = mappedColumn(table.headers, mapping, 'required')
  const optionalColumn = requiredIndex !== null && isOptionalColumn(table.headers[requiredIndex] ?? '')
  const firstRowOf = new Map<string, number>()
  const formulaAt = new Map((table.formulas ?? []).map((cell) => [`${cell.row}:${cell.column}`, cell]))
  const formulaIn = (row: number, field: PlanField) => {
    const at = mappedColumn(table.headers, mapping, field)
    return at === null ? undefined : formulaAt.get(`${row}:${at}`)
  }
  const kept = keptColumns(table.headers, mapping, leftOut)
  const keptFormula = (cell: FormulaCell) => `${formulaMessage(cell)} Or leave this column out of the import below.`
  // A formula in the header of a column that is read: its text is not a header a person wrote.
  for (const field of planFields) {
    const cell = formulaIn(table.headerRow, field)
    if (cell !== undefined)
      problems.push({ row: table.headerRow, column: column(field), message: formulaMessage(cell) })
  }
  for (const { index, name } of kept) {
    const cell = formulaAt.get(`${table.headerRow}:${index}`)
    if (cell !== undefined) problems.push({ row: table.headerRow, column: name, message: keptFormula(cell) })
  }

  table.rows.forEach((cells, index) => {
    const row = table.rowNumbers[index] ?? table.headerRow + index + 1
    const cell = (field: PlanField) => {
      const at = mappedColumn(table.headers, mapping, field)
      return at === null ? '' : (cells[at] ?? '')
    }
    const found: { field: PlanField; message: string }[] = []
    for (const field of planFields) {
      const formula = formulaIn(row, field)
      if (formula !== undefined) found.push({ field, message: formulaMessage(formula) })
    }
    const required =
      requiredIndex === null ? ({ ok: true, value: true } as const) : parseRequired(cell('required'), optionalColumn)
    if (!required.ok && !found.some((problem) => problem.field === 'required'))
      found.push({ field: 'required', message: required.message })

    // Kept columns after the fields, in file order, each with the header it is kept under.
    const extraProblems: PlanRowProblem[] = []
    for (const { index, name } of kept) {
      const formula = formulaAt.get(`${row}:${index}`)
      const message = formula !== undefined ? keptFormula(formula) : extraCellProblem(cells[index] ?? '')
      if (message !== undefined) extraProblems.push({ row, column: name, message })
    }
    const extra = extraFieldsOf(cells, kept)
    const parsed = TestCase.safeParse({
      caseId: cell('caseId'),
      title: cell('title'),
      category: cell('category'),
      steps: cell('steps'),
      expected: cell('expected'),
      required: required.ok ? required.value : true,
      ...(extra.length > 0 ? { extra } : {}),
    })
    if (!parsed.success) {
      // One message per cell, the first TestCase gives: an empty case ID also fails its
      // "cannot start with a space" pattern, which would only confuse.
      for (const issue of parsed.error.issues) {
        // Kept cells were checked above, in their own columns.
        if (issue.path[0] === 'extra') continue
        const field = fieldOf(issue.path[0])
        if (!found.some((problem) => problem.field === field)) found.push({ field, message: issue.message })
      }
    }

    const caseId = cell('caseId').trim()
    const earlier = firstRowOf.get(caseId)
    if (caseId !== '' && earlier !== undefined) {
      found.push({
        field: 'caseId',
        message: `Case ID ${caseId} is already used in row ${earlier}; case IDs must be unique in a plan.`,
      })
    } else if (caseId !== '') firstRowOf.set(caseId, row)

    // Problems of one row in the order of the columns a tester reads: ID first.
    found.sort((a, b) => planFields.indexOf(a.field) - planFields.indexOf(b.field))
    for (const problem of found) problems.push({ row, column: column(problem.field), message: problem.message })
    problems.push(...extraProblems)
    if (found.length === 0 && extraProblems.length === 0 && parsed.success) cases.push(parsed.data)
  })
  return { cases, problems }
}

const fieldOf = (key: PropertyKey | undefined): PlanField => planFields.find((field) => field === key) ?? 'caseId'
