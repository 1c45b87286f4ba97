import { useLayoutEffect, useMemo, useRef } from 'react'
import type { PlanVersion, TestCase } from '../../../core/model/test-plan'
import type { TextField } from './case-columns'
import { blankCase, nextCaseId } from './plan-labels'
import type { PlanForm } from './use-plan-autosave'

type Flushable = { readonly flush?: () => Promise<unknown> }

/**
 * The grid's edits of the plan's cases, all through the plan's autosave. Ending an
 * edit (leaving the cell, toggling Required, deleting or restoring a case) flushes
 * the autosave once React has drawn the change, so that edit is saved, and audited,
 * as one entry rather than waiting for a pause. Made once: handlers keep working
 * however often the editor redraws.
 */
export function useCaseEdits(form: PlanForm) {
  const latest = useRef(form)
  useLayoutEffect(() => {
    latest.current = form
  })
  return useMemo(() => {
    const update = (change: (plan: PlanVersion) => PlanVersion, field?: string) => latest.current.update(change, field)
    const endBurst = () => {
      // After the render that holds the change: the autosave learns of it in an effect, and flush saves what it knows.
      setTimeout(() => {
        const current = latest.current
        const flush = (current as Flushable).flush
        if (flush) void flush()
        else current.retry()
      }, 0)
    }
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
