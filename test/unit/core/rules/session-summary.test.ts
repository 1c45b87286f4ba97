import { describe, expect, it } from 'vitest'
import type { Verdict } from '../../../../core/model/result'
import type { TestCase } from '../../../../core/model/test-plan'
import { listCaseIds, summarizeSession } from '../../../../core/rules/session-summary'

const aCase = (caseId: string, required = true): TestCase => ({
  caseId,
  title: caseId,
  category: '',
  steps: '',
  expected: '',
  required,
})
const cases = [aCase('TC-1'), aCase('TC-2'), aCase('TC-3', false), aCase('TC-4')]
const summary = (verdicts: Record<string, Verdict>) => summarizeSession(cases, (id) => verdicts[id])

describe('session summary', () => {
  it('passes when every required case passed or does not apply, whatever the optional ones say', () => {
    const s = summary({ 'TC-1': 'passed', 'TC-2': 'not-applicable', 'TC-3': 'failed', 'TC-4': 'passed' })
    expect(s.outcome).toBe('passed')
    expect(s.counts).toMatchObject({ passed: 2, failed: 1, 'not-applicable': 1, untested: 0 })
    expect(s.decided).toBe(4)
  })

  it('fails when a required case failed, and names it', () => {
    const s = summary({ 'TC-1': 'failed', 'TC-2': 'passed', 'TC-4': 'passed' })
    expect(s.outcome).toBe('failed')
    expect(s.failedRequired).toEqual(['TC-1'])
  })

  it('cannot complete while a required case is untested, blocked or marked for retest', () => {
    const s = summary({ 'TC-1': 'blocked', 'TC-2': 'retest' })
    expect(s.outcome).toBeNull()
    expect(s.undecidedRequired).toEqual(['TC-1', 'TC-2', 'TC-4'])
    expect(s.counts.untested).toBe(2)
  })

  it('lists case IDs in one readable sentence', () => {
    expect(listCaseIds(['A'])).toBe('A')
    expect(listCaseIds(['A', 'B', 'C'])).toBe('A, B and C')
    expect(listCaseIds(['A', 'B', 'C', 'D', 'E', 'F', 'G'])).toBe('A, B, C, D, E and 2 more')
  })
})
