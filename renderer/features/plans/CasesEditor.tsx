import { useState } from 'react'
import type { TestCase } from '../../../core/model/test-plan'
import { TextAreaField, TextField } from '../../ui/Field'
import { RowGroup } from '../../ui/RowGroup'
import { blankCase, nextCaseId } from './plan-labels'
import type { PlanForm } from './use-plan-autosave'
import { Pager } from '../../ui/Pager'

/** Cases shown at once: a 5,000-case plan as one page of inputs would make every keystroke slow. */
export const casesPerPage = 50

const move = <T,>(list: readonly T[], from: number, to: number): T[] => {
  const next = [...list]
  const [item] = next.splice(from, 1)
  if (item !== undefined) next.splice(to, 0, item)
  return next
}

/** The plan's cases, a page at a time: edit, add, remove and reorder, with each field's problem beside it. */
export function CasesEditor({ form }: { form: PlanForm }) {
  const { draft, update, visibleError } = form
  const cases = draft.cases
  const pages = Math.max(1, Math.ceil(cases.length / casesPerPage))
  const [wantedPage, setPage] = useState(0)
  const page = Math.min(wantedPage, pages - 1)
  const [focusCase, setFocusCase] = useState<number | null>(null)
  const first = page * casesPerPage
  const shown = cases.slice(first, first + casesPerPage)

  const setCase = (index: number, change: Partial<TestCase>, field: keyof TestCase) =>
    update(
      (p) => ({ ...p, cases: p.cases.map((c, i) => (i === index ? { ...c, ...change } : c)) }),
      `cases.${index}.${field}`,
    )
  const reorder = (from: number, to: number) => {
    update((p) => ({ ...p, cases: move(p.cases, from, to) }), 'cases')
    setPage(Math.floor(to / casesPerPage))
  }
  const add = () => {
    update((p) => ({ ...p, cases: [...p.cases, blankCase(nextCaseId(p.cases))] }))
    setFocusCase(cases.length)
    setPage(Math.floor(cases.length / casesPerPage))
  }
  const goTo = (index: number) => {
    setPage(Math.floor(index / casesPerPage))
    setFocusCase(index)
  }
  const problemCases = cases.flatMap((_, index) =>
    (['caseId', 'title', 'category', 'steps', 'expected'] as const).some((f) => visibleError(`cases.${index}.${f}`))
      ? [index]
      : [],
  )
  const elsewhere = problemCases.filter((index) => index < first || index >= first + casesPerPage)

  return (
    <fieldset className="cases-editor">
      <legend>Cases</legend>
      {visibleError('cases') ? <p className="field-error">{visibleError('cases')}</p> : null}
      {elsewhere.length > 0 ? (
        <p className="field-error">
          Cases on other pages need attention:{' '}
          {elsewhere.slice(0, 20).map((index) => (
            <button key={index} type="button" className="link case-jump" onClick={() => goTo(index)}>
              Go to case {index + 1}
            </button>
          ))}
        </p>
      ) : null}
      <Pager
        page={page}
        pages={pages}
        total={cases.length}
        perPage={casesPerPage}
        noun="Cases"
        of="cases"
        previous="Previous cases"
        next="Next cases"
        onPage={setPage}
      />
      <ol className="rows case-rows" start={first + 1}>
        {shown.map((testCase, offset) => {
          const index = first + offset
          const n = index + 1
          const err = (field: keyof TestCase) => visibleError(`cases.${index}.${field}`)
          return (
            <RowGroup key={index} label={`Case ${n}`}>
              <span className="case-number" aria-hidden="true">
                {n}
              </span>
              <div className="case-fields">
                <TextField
                  label="Case ID"
                  value={testCase.caseId}
                  error={err('caseId')}
                  autoFocus={focusCase === index}
                  onChange={(caseId) => setCase(index, { caseId }, 'caseId')}
                />
                <TextField
                  label="Title"
                  value={testCase.title}
                  error={err('title')}
                  onChange={(title) => setCase(index, { title }, 'title')}
                />
                <TextField
                  label="Category or capability"
                  value={testCase.category}
                  error={err('category')}
                  onChange={(category) => setCase(index, { category }, 'category')}
                />
                <label className="check case-required">
                  <input
                    type="checkbox"
                    checked={testCase.required}
                    onChange={(e) => setCase(index, { required: e.target.checked }, 'required')}
                  />
                  Required
                </label>
                <TextAreaField
                  label="Steps"
                  rows={2}
                  value={testCase.steps}
                  error={err('steps')}
                  onChange={(steps) => setCase(index, { steps }, 'steps')}
                />
                <TextAreaField
                  label="Expected result"
                  rows={2}
                  value={testCase.expected}
                  error={err('expected')}
                  onChange={(expected) => setCase(index, { expected }, 'expected')}
                />
                {testCase.extra !== undefined && testCase.extra.length > 0 ? (
                  // Kept from the file's other columns: edits of the fields above keep them as they are.
                  <dl className="facts case-extra" aria-label={`Case ${n}: from the plan file`}>
                    {testCase.extra.map((field, at) => (
                      <div key={at} className="fact">
                        <dt>{field.column}</dt>
                        <dd className="pre">{field.value}</dd>
                      </div>
                    ))}
                  </dl>
                ) : null}
              </div>
              <div className="case-actions">
                <button
                  type="button"
                  aria-label={`Move case ${n} up`}
                  disabled={index === 0}
                  onClick={() => reorder(index, index - 1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={`Move case ${n} down`}
                  disabled={index === cases.length - 1}
                  onClick={() => reorder(index, index + 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="remove"
                  aria-label={`Remove case ${n}${testCase.caseId ? ` (${testCase.caseId})` : ''}`}
                  onClick={() => update((p) => ({ ...p, cases: p.cases.filter((_, i) => i !== index) }), 'cases')}
                >
                  Remove
                </button>
              </div>
            </RowGroup>
          )
        })}
      </ol>
      <button type="button" onClick={add}>
        Add case
      </button>
    </fieldset>
  )
}
