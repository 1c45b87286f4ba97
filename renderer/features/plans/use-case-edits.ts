import { useLayoutEffect, useMemo, useRef } from 'react'
import type { PlanVersion, TestCase } from '../../../core/model/test-plan'
import type { TextField } from './case-columns'
import { blankCase, nextCaseId } from './plan-labels'
import type { PlanForm } from './use-plan-autosave'

/**
 * The grid's edits of the plan's cases, all through the plan's autosave. Ending an
 * edit (leaving the cell, toggling Required, deleting or restoring a case) flushes
 * the autosave, so that edit is saved, and audited, as one entry at once. Made
 * once: handlers keep working however often the editor redraws.
 */
export function useCaseEdits(form: PlanForm) {
  const latest = useRef(form)
  useLayoutEffect(() => {
    latest.current = form
  })
  return useMemo(() => {
    const update = (change: (plan: PlanVersion) => PlanVersion, field?: string) => latest.current.update(change, field)
    // The autosave holds every change as it is made, so the flush saves the one just made too.
    const endBurst = () => void latest.current.flush()
    const setCase = (row: number, change: (testCase: TestCase) => TestCase, field: string) =>
      update((plan) => {
        const before = plan.cases[row]
        if (before === undefined) return plan
        const after = change(before)
        return after === before ? plan : { ...plan, cases: plan.cases.map((c, i) => (i === row ? after : c)) }
      }, field)
    return {
      change: (row: number, field: TextField, value: string) =>
        setCase(row, (c) => (c[field] === value ? c : { ...c, [field]: value }), `cases.${row}.${field}`),
      endBurst,
      toggleRequired: (row: number) => {
        setCase(row, (c) => ({ ...c, required: !c.required }), `cases.${row}.required`)
        endBurst()
      },
      remove: (row: number) => {
        update((plan) => ({ ...plan, cases: plan.cases.filter((_, i) => i !== row) }), 'cases')
        endBurst()
      },
      restore: (index: number, testCase: TestCase) => {
        update((plan) => {
          const cases = [...plan.cases]
          cases.splice(Math.min(index, cases.length), 0, testCase)
          return { ...plan, cases }
        }, 'cases')
        endBurst()
      },
      add: () => update((plan) => ({ ...plan, cases: [...plan.cases, blankCase(nextCaseId(plan.cases))] })),
    }
  }, [])
}
