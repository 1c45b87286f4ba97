import { describe, expect, it } from 'vitest'
import { sealEntry, type AuditEntry } from '../../../../core/audit/audit-entry'
import { checkRecordedHead, createChainCheck } from '../../../../core/audit/chain-check'

const reasonOf = (verdict: ReturnType<typeof checkRecordedHead>) =>
  verdict && !verdict.intact ? verdict.reason : undefined

function trail(length: number): AuditEntry[] {
  const entries: AuditEntry[] = []
  for (let i = 1; i <= length; i++)
    entries.push(
      sealEntry(entries.at(-1), {
        at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
        actor: { id: 'jd', name: 'Jo Doe' },
        entity: { kind: 'product', id: `p-${i}`, label: `Acme AC-${i}` },
        action: 'create',
        changes: [{ field: 'model', before: undefined, after: `AC-${i}` }],
      }),
    )
  return entries
}

describe('checking a trail against the head recorded outside it', () => {
  const full = trail(1204)
  const recorded = { seq: 1204, hash: full[1203]!.hash }

  it('finds a missing tail that the chain alone cannot see', () => {
    const cut = full.slice(0, 1180)
    const chain = createChainCheck()
    chain.add(cut)
    expect(chain.finish()).toEqual({ intact: true, count: 1180 })

    expect(checkRecordedHead(recorded, cut.at(-1), undefined)).toEqual({
      intact: false,
      firstBad: 1181,
      reason: 'The newest 24 entries are missing: the last recorded entry was #1204.',
    })
    expect(reasonOf(checkRecordedHead(recorded, full[1202], undefined))).toBe(
      'The newest entry is missing: the last recorded entry was #1204.',
    )
    expect(reasonOf(checkRecordedHead(recorded, undefined, undefined))).toBe(
      'The newest 1,204 entries are missing: the last recorded entry was #1204.',
    )
  })

  it('finds another entry where the recorded head was, and a gap where it was', () => {
    const other = trail(1205)[1204]!
    expect(checkRecordedHead(recorded, other, { ...full[1203]!, hash: 'a'.repeat(64) })).toEqual({
      intact: false,
      firstBad: 1204,
      reason: `Entry 1204 is not the one last recorded: its hash is aaaaaaaa…, the recorded one ${recorded.hash.slice(0, 8)}….`,
    })
    expect(reasonOf(checkRecordedHead(recorded, other, undefined))).toBe(
      'Entry 1204 is missing: it was the newest entry when the trail was last recorded.',
    )
  })

  it('says nothing when the trail reaches the recorded head or continues past it', () => {
    expect(checkRecordedHead(recorded, full[1203], full[1203])).toBeUndefined()
    expect(checkRecordedHead({ seq: 10, hash: full[9]!.hash }, full[1203], full[9])).toBeUndefined()
  })
})
