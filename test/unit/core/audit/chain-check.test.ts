import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sealEntry, verifyChain, type AuditEntry } from '../../../../core/audit/audit-entry'
import { checkEach, combineVerdicts, createChainCheck } from '../../../../core/audit/chain-check'

function trail(length: number): AuditEntry[] {
  const entries: AuditEntry[] = []
  for (let i = 0; i < length; i++) {
    entries.push(
      sealEntry(entries.at(-1), {
        at: '2026-11-20T09:00:00.000Z',
        actor: { id: 'jd', name: 'Jo Doe' },
        entity: { kind: 'unit', id: `u-${i}`, label: `Unit ${i}` },
        action: 'create',
        changes: [{ field: 'serialNumber', before: undefined, after: `SN-${i}` }],
      }),
    )
  }
  return entries
}

const inBatches = (entries: readonly AuditEntry[], cuts: readonly number[], anchor?: AuditEntry) => {
  const check = createChainCheck(anchor)
  let at = 0
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    check.add(entries.slice(at, cut))
    at = cut
  }
  check.add(entries.slice(at))
  return check.finish()
}

describe('checking the chain in batches', () => {
  it('agrees with one check of the whole trail however it is cut, intact or changed anywhere', () => {
    const entries = trail(40)
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 8 }),
        fc.option(fc.integer({ min: 0, max: 39 })),
        (cuts, changed) => {
          const copy = entries.map((e) => ({ ...e }))
          if (changed !== null) copy[changed] = { ...copy[changed]!, actor: { id: 'x', name: 'Somebody else' } }
          const whole = verifyChain(copy)
          const batched = inBatches(copy, cuts)
          expect(batched.intact).toBe(whole.intact)
          if (!batched.intact && !whole.intact) expect(batched.firstBad).toBe(whole.firstBad)
          if (batched.intact) expect(batched.count).toBe(40)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('continues from a checkpointed entry, and refuses a changed one even with nothing after it', () => {
    const entries = trail(10)
    expect(inBatches(entries.slice(6), [2], entries[5])).toEqual({ intact: true, count: 10 })
    expect(inBatches([], [], { ...entries[5]!, at: '2020-01-01T00:00:00.000Z' })).toMatchObject({
      intact: false,
      firstBad: 6,
    })
    expect(inBatches(entries.slice(7), [], entries[5])).toMatchObject({
      intact: false,
      firstBad: 7,
      reason: expect.stringMatching(/Entry 7 is missing/),
    })
  })

  it('needs the trail to start at entry 1 when there is no checkpoint', () => {
    expect(inBatches(trail(5).slice(2), [])).toMatchObject({
      intact: false,
      firstBad: 1,
      reason: 'Entry 1 is missing: the audit trail starts at entry 3.',
    })
  })

  it('checks shown entries each against the one before it', () => {
    const entries = trail(10)
    const bySeq = new Map(entries.map((e) => [e.seq, e]))
    expect(checkEach([entries[4]!, entries[8]!], (seq) => bySeq.get(seq))).toEqual({ intact: true, count: 2 })
    bySeq.delete(8)
    expect(checkEach([entries[4]!, entries[8]!], (seq) => bySeq.get(seq))).toMatchObject({ intact: false, firstBad: 8 })
    const changed = { ...entries[4]!, action: 'delete' as const }
    expect(checkEach([changed, entries[8]!], (seq) => (seq === 4 ? entries[3] : bySeq.get(seq)))).toMatchObject({
      intact: false,
      firstBad: 5,
    })
  })

  it('combines two verdicts into the earliest break, or the longer intact count', () => {
    expect(combineVerdicts({ intact: true, count: 3 }, { intact: true, count: 9 })).toEqual({ intact: true, count: 9 })
    expect(
      combineVerdicts({ intact: false, firstBad: 7, reason: 'a' }, { intact: false, firstBad: 4, reason: 'b' }),
    ).toMatchObject({ firstBad: 4 })
    expect(combineVerdicts({ intact: true, count: 9 }, { intact: false, firstBad: 4, reason: 'b' })).toMatchObject({
      firstBad: 4,
    })
  })
})
