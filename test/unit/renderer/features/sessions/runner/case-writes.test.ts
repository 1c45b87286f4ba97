import { describe, expect, it } from 'vitest'
import type { Result } from '../../../../../../core/model/result'
import { ok, type Outcome } from '../../../../../../core/outcome'
import {
  createCaseWrites,
  type AuditWhen,
  type CaseSaveState,
} from '../../../../../../renderer/features/sessions/runner/case-writes'
import type { ResultChange } from '../../../../../../renderer/storage/result-journal'

type Call = { caseId: string; change: ResultChange; audit: AuditWhen; finish: (outcome?: Outcome<Result>) => void }

/** A writer whose writes complete only when the test says so, recording what the screen was told. */
function harness() {
  const calls: Call[] = []
  const states: string[] = []
  const stored: string[] = []
  const noted: string[] = []
  const writes = createCaseWrites({
    note: (caseId, change) => noted.push(`${caseId}:${change.notes ?? change.verdict}`),
    write: (caseId, change, audit) =>
      new Promise((resolve) =>
        calls.push({
          caseId,
          change,
          audit,
          finish: (outcome) =>
            resolve(
              outcome ??
                ok({
                  sessionId: 's-1',
                  caseId,
                  verdict: change.verdict ?? 'untested',
                  notes: change.notes ?? '',
                  evidenceIds: [],
                  updatedAt: '',
                  updatedBy: '',
                }),
            ),
        }),
      ),
    onState: (caseId, state: CaseSaveState) => states.push(`${caseId}:${state.kind}`),
    onStored: (caseId, result) => stored.push(`${caseId}:${result.notes}`),
  })
  return { writes, calls, states, stored, noted }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('case writes', () => {
  it('keeps one write in flight per case and writes only the newest text next', async () => {
    const { writes, calls, states, stored } = harness()
    writes.submit('TC-1', { notes: 'L' }, 'at-burst-end')
    writes.submit('TC-1', { notes: 'LE' }, 'at-burst-end')
    writes.submit('TC-1', { notes: 'LED' }, 'at-burst-end')
    expect(calls.map((c) => c.change.notes)).toEqual(['L'])
    calls[0]?.finish()
    await settle()
    expect(calls.map((c) => c.change.notes)).toEqual(['L', 'LED'])
    // The older write finishing is not "saved": newer text was still on its way.
    expect(states).not.toContain('TC-1:saved')
    expect(stored).toEqual([])
    calls[1]?.finish()
    await writes.idle()
    expect(stored).toEqual(['TC-1:LED'])
    expect(states.at(-1)).toBe('TC-1:saved')
  })

  it('notes every change the moment it is made, even while it waits behind a write in flight', () => {
    const { writes, calls, noted } = harness()
    writes.submit('TC-1', { notes: 'L' }, 'at-burst-end')
    writes.submit('TC-1', { notes: 'LE' }, 'at-burst-end')
    writes.submit('TC-1', { verdict: 'failed' }, 'now')
    // Only the first is being written; a window closed now must still find the newest text and the verdict.
    expect(calls).toHaveLength(1)
    expect(noted).toEqual(['TC-1:L', 'TC-1:LE', 'TC-1:failed'])
  })

  it('merges a verdict pressed while notes are in flight into the next write, audited at once', async () => {
    const { writes, calls } = harness()
    writes.submit('TC-1', { notes: 'LED' }, 'at-burst-end')
    writes.submit('TC-1', { verdict: 'failed' }, 'now')
    writes.submit('TC-1', { notes: 'LED red' }, 'at-burst-end')
    calls[0]?.finish()
    await settle()
    expect(calls[1]).toMatchObject({ change: { verdict: 'failed', notes: 'LED red' }, audit: 'now' })
  })

  it('writes cases side by side, each one at a time', () => {
    const { writes, calls } = harness()
    writes.submit('TC-1', { verdict: 'passed' }, 'now')
    writes.submit('TC-2', { verdict: 'failed' }, 'now')
    expect(calls.map((c) => c.caseId)).toEqual(['TC-1', 'TC-2'])
  })

  it('keeps a failed change, says so, and carries it with the next change or on retry', async () => {
    const { writes, calls, states } = harness()
    writes.submit('TC-1', { verdict: 'passed' }, 'now')
    calls[0]?.finish({ ok: false, problem: { code: 'disk-full', message: 'The disk is full.' } })
    await writes.idle()
    expect(states.at(-1)).toBe('TC-1:failed')
    expect(writes.unsettled('TC-1')).toBe(true)
    writes.submit('TC-1', { notes: 'x' }, 'at-burst-end')
    expect(calls[1]).toMatchObject({ change: { verdict: 'passed', notes: 'x' }, audit: 'now' })
    calls[1]?.finish({ ok: false, problem: { code: 'disk-full', message: 'The disk is full.' } })
    await writes.idle()
    writes.retry('TC-1')
    expect(calls[2]).toMatchObject({ change: { verdict: 'passed', notes: 'x' } })
    calls[2]?.finish()
    await writes.idle()
    expect(writes.unsettled('TC-1')).toBe(false)
    expect(states.at(-1)).toBe('TC-1:saved')
  })
})
