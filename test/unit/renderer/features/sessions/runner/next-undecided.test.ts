import { describe, expect, it } from 'vitest'
import type { Verdict } from '../../../../../../core/model/result'
import { decidedChange } from '../../../../../../core/rules/session-summary'
import { nextUndecided } from '../../../../../../renderer/features/sessions/runner/next-undecided'
import {
  shortcutLine,
  otherKeys,
  nextUndecidedKey,
} from '../../../../../../renderer/features/sessions/runner/shortcuts'

const ids = ['TC-1', 'TC-2', 'TC-3', 'TC-4', 'TC-5']
const of = (verdicts: Record<string, Verdict>) => (caseId: string) => verdicts[caseId]

describe('the next case still to decide', () => {
  it('is the first after the selected one that is untested, blocked or to retest', () => {
    const verdicts = of({ 'TC-2': 'passed', 'TC-3': 'failed', 'TC-4': 'blocked' })
    expect(nextUndecided(ids, 0, verdicts)).toBe(3)
    expect(nextUndecided(ids, 3, verdicts)).toBe(4)
  })

  it('goes round to the start, and stays when the selected case is the only one left', () => {
    const decided = of({
      'TC-1': 'retest',
      'TC-2': 'passed',
      'TC-3': 'passed',
      'TC-4': 'not-applicable',
      'TC-5': 'passed',
    })
    expect(nextUndecided(ids, 2, decided)).toBe(0)
    expect(nextUndecided(ids, 0, decided)).toBe(0)
  })

  it('is none when every case is decided, or there are none', () => {
    const all = of(Object.fromEntries(ids.map((id) => [id, 'passed' as const])))
    expect(nextUndecided(ids, 1, all)).toBeUndefined()
    expect(nextUndecided([], -1, all)).toBeUndefined()
  })

  it('starts from the top when no case is selected', () => {
    expect(nextUndecided(ids, -1, of({}))).toBe(0)
  })

  it('has its key in the help and in the line of hints', () => {
    expect(otherKeys.find((k) => k.keys === nextUndecidedKey)?.what).toMatch(/^Next case still to decide/)
    expect(shortcutLine).toContain(`${nextUndecidedKey} next undecided`)
    expect(shortcutLine.startsWith('↑↓ or J/K move · P pass · F fail')).toBe(true)
  })
})

describe('how a verdict change moves the count of decided cases', () => {
  it('adds one for a decision, takes one for undoing it, and nothing between two of a kind', () => {
    expect(decidedChange(undefined, 'passed')).toBe(1)
    expect(decidedChange('untested', 'blocked')).toBe(0)
    expect(decidedChange('failed', 'retest')).toBe(-1)
    expect(decidedChange('passed', 'not-applicable')).toBe(0)
    expect(decidedChange('blocked', 'retest')).toBe(0)
  })
})
