import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { AuditEntry, diffFields, entryHash, sealEntry, verifyChain } from '../../../../core/audit/audit-entry'
import type { UnsealedEntry } from '../../../../core/audit/audit-entry'

const unsealed = (index: number): UnsealedEntry => ({
  at: new Date(Date.UTC(2026, 0, 1, 9, 0, index)).toISOString(),
  actor: { id: 'person-1', name: 'Ana Tester' },
  entity: { kind: 'result', id: `session-1/TC-${index}`, label: `TC-${index} Discovery` },
  action: index === 1 ? 'create' : 'update',
  changes: [
    { field: 'verdict', before: 'untested', after: index % 2 === 0 ? 'passed' : 'failed' },
    { field: 'notes', before: undefined, after: `Note ${index} — “quoted” ✓` },
  ],
})

function chain(length: number): AuditEntry[] {
  const entries: AuditEntry[] = []
  for (let index = 1; index <= length; index++) entries.push(sealEntry(entries.at(-1), unsealed(index)))
  return entries
}

const at = (entries: readonly AuditEntry[], seq: number) => {
  const entry = entries.find((candidate) => candidate.seq === seq)
  if (entry === undefined) throw new Error(`no entry ${seq}`)
  return entry
}
const replace = (entries: readonly AuditEntry[], seq: number, change: (entry: AuditEntry) => AuditEntry) =>
  entries.map((entry) => (entry.seq === seq ? change(entry) : entry))
/** An edit by someone who also recomputed the entry's own hash. */
const resealed = (entry: AuditEntry): AuditEntry => ({ ...entry, hash: entryHash(entry) })

describe('sealEntry', () => {
  test('starts the trail at 1 with no previous hash, then links each entry to the one before', () => {
    const [first, second] = chain(2)
    expect(first).toMatchObject({ seq: 1, prevHash: '' })
    expect(second).toMatchObject({ seq: 2, prevHash: first?.hash })
    expect(first?.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(AuditEntry.safeParse(first).success).toBe(true)
    expect(AuditEntry.safeParse(second).success).toBe(true)
  })

  test('hashes the canonical JSON of everything but the hash', () => {
    const entry = sealEntry(undefined, unsealed(1))
    expect(entry.hash).toBe(entryHash(entry))
    // The same content with keys in another order, and with a property a store added, hashes the same.
    const reordered = JSON.parse(
      JSON.stringify({
        hash: entry.hash,
        prevHash: entry.prevHash,
        changes: entry.changes,
        action: entry.action,
        entity: entry.entity,
        actor: entry.actor,
        at: entry.at,
        seq: entry.seq,
      }),
    ) as AuditEntry
    expect(entryHash({ ...reordered, ...{ storedBy: 'dexie' } })).toBe(entry.hash)
  })

  test('verifies after a JSON round trip, which drops the undefined "before" of a created field', () => {
    const entries = chain(5)
    const roundTripped = JSON.parse(JSON.stringify(entries)) as AuditEntry[]
    expect(verifyChain(roundTripped)).toEqual({ intact: true, count: 5 })
  })

  test('refuses a value JSON cannot hold before anything is written', () => {
    const bad = { ...unsealed(1), changes: [{ field: 'size', before: 1, after: Number.NaN }] }
    expect(() => sealEntry(undefined, bad)).toThrow('$.changes[0].after is NaN')
  })
})

describe('AuditEntry schema', () => {
  test('gives only the first entry an empty previous hash', () => {
    const [first, second] = chain(2)
    expect(AuditEntry.safeParse({ ...first, prevHash: second?.hash }).success).toBe(false)
    expect(AuditEntry.safeParse({ ...second, prevHash: '' }).success).toBe(false)
  })
})

describe('verifyChain', () => {
  const fifty = chain(50)

  test('finds a chain of 50 sealed entries intact, and an empty one too', () => {
    expect(verifyChain(fifty)).toEqual({ intact: true, count: 50 })
    expect(verifyChain([])).toEqual({ intact: true, count: 0 })
  })

  test('verifies a slice starting anywhere, trusting its first previous hash', () => {
    expect(verifyChain(fifty.slice(20, 35))).toEqual({ intact: true, count: 15 })
  })

  test('names an entry whose contents were changed', () => {
    const tampered = replace(fifty, 17, (entry) => ({
      ...entry,
      changes: [{ field: 'verdict', before: 'untested', after: 'passed' }],
    }))
    expect(verifyChain(tampered)).toEqual({
      intact: false,
      firstBad: 17,
      reason: 'Entry 17 was changed after it was written: its contents no longer match its hash.',
    })
  })

  test.each<[string, (entry: AuditEntry) => AuditEntry]>([
    ['time', (entry) => ({ ...entry, at: '2027-01-01T00:00:00.000Z' })],
    ['actor', (entry) => ({ ...entry, actor: { ...entry.actor, name: 'Someone Else' } })],
    ['entity', (entry) => ({ ...entry, entity: { ...entry.entity, id: 'session-2/TC-1' } })],
    ['action', (entry) => ({ ...entry, action: 'delete' })],
    ['hash', (entry) => ({ ...entry, hash: entry.hash.replace(/^./, (c) => (c === '0' ? '1' : '0')) })],
    ['previous hash', (entry) => ({ ...entry, prevHash: at(fifty, 3).hash })],
    ['number', (entry) => ({ ...entry, seq: 40 })],
  ])('names entry 17 when its %s was changed', (_, change) => {
    expect(verifyChain(replace(fifty, 17, change))).toMatchObject({
      intact: false,
      firstBad: 17,
      reason: expect.stringMatching(/^Entry 17 was changed after it was written/),
    })
  })

  test('names the first entry when its number was changed', () => {
    expect(verifyChain(replace(fifty, 1, (entry) => ({ ...entry, seq: 2 })))).toMatchObject({
      intact: false,
      firstBad: 1,
    })
  })

  test('names the entry after one that was changed and resealed', () => {
    const tampered = replace(fifty, 17, (entry) => resealed({ ...entry, changes: [] }))
    expect(verifyChain(tampered)).toEqual({
      intact: false,
      firstBad: 18,
      reason: 'Entry 18 does not follow entry 17: it names a different previous entry.',
    })
  })

  test('names an entry that was resealed to point at another previous entry', () => {
    const tampered = replace(fifty, 18, (entry) => resealed({ ...entry, prevHash: at(fifty, 3).hash }))
    expect(verifyChain(tampered)).toEqual({
      intact: false,
      firstBad: 18,
      reason: 'Entry 18 does not follow entry 17: it names a different previous entry.',
    })
  })

  test('names a deleted entry', () => {
    const tampered = fifty.filter((entry) => entry.seq !== 20)
    expect(verifyChain(tampered)).toEqual({
      intact: false,
      firstBad: 20,
      reason: 'Entry 20 is missing: the chain jumps from 19 to 21.',
    })
    const three = fifty.filter((entry) => entry.seq < 20 || entry.seq > 22)
    expect(verifyChain(three)).toEqual({
      intact: false,
      firstBad: 20,
      reason: 'Entries 20 to 22 are missing: the chain jumps from 19 to 23.',
    })
  })

  test('names two entries swapped in place', () => {
    const swapped = [...fifty.slice(0, 19), at(fifty, 21), at(fifty, 20), ...fifty.slice(21)]
    expect(verifyChain(swapped)).toEqual({
      intact: false,
      firstBad: 20,
      reason: 'Entries are out of order: entry 21 comes right after entry 19, where entry 20 belongs.',
    })
  })

  test('names the first entry when the first two are swapped', () => {
    const swapped = [at(fifty, 2), at(fifty, 1), ...fifty.slice(2)]
    expect(verifyChain(swapped)).toEqual({
      intact: false,
      firstBad: 1,
      reason: 'Entries are out of order: entry 1 comes right after entry 2.',
    })
  })

  test('names an entry that appears twice', () => {
    const doubled = [...fifty.slice(0, 20), at(fifty, 20), ...fifty.slice(20)]
    expect(verifyChain(doubled)).toEqual({
      intact: false,
      firstBad: 20,
      reason: 'Entry 20 appears twice: a second copy follows entry 20.',
    })
  })

  test('names the first entry when it claims a previous entry, or a later one claims none', () => {
    const first = resealed({ ...at(fifty, 1), prevHash: at(fifty, 2).hash })
    expect(verifyChain([first, ...fifty.slice(1)])).toEqual({
      intact: false,
      firstBad: 1,
      reason: 'Entry 1 names a previous entry, but it is the first entry of the trail.',
    })
    const orphan = resealed({ ...at(fifty, 10), prevHash: '' })
    expect(verifyChain([orphan, ...fifty.slice(10)])).toEqual({
      intact: false,
      firstBad: 10,
      reason: 'Entry 10 names no previous entry, but only entry 1 may start the trail.',
    })
  })

  test('names an entry holding a value JSON cannot hold instead of throwing', () => {
    const tampered = replace(fifty, 30, (entry) => ({
      ...entry,
      changes: [{ field: 'x', before: 1, after: Number.NaN }],
    }))
    expect(verifyChain(tampered)).toMatchObject({ intact: false, firstBad: 30 })
  })

  test('finds any single change, deletion or swap at the entry it touched', () => {
    type Tamper =
      | { kind: 'field'; path: 'at' | 'actor' | 'entity' | 'action' | 'changes' | 'prevHash' | 'hash' | 'seq' }
      | { kind: 'delete' }
      | { kind: 'swap' }
    const tamper: fc.Arbitrary<Tamper> = fc.oneof(
      fc.record({
        kind: fc.constant('field' as const),
        path: fc.constantFrom('at', 'actor', 'entity', 'action', 'changes', 'prevHash', 'hash', 'seq'),
      }),
      fc.constant({ kind: 'delete' as const }),
      fc.constant({ kind: 'swap' as const }),
    )
    const change = fc.record({
      field: fc.string({ minLength: 1, maxLength: 8 }),
      before: fc.jsonValue({ maxDepth: 2 }),
      after: fc.jsonValue({ maxDepth: 2 }),
    })
    const content = fc.record({
      at: fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
        .map((date) => date.toISOString()),
      actor: fc.record({ id: fc.string({ minLength: 1, maxLength: 6 }), name: fc.string({ maxLength: 12 }) }),
      entity: fc.record({
        kind: fc.constantFrom('session', 'result', 'unit'),
        id: fc.string({ minLength: 1, maxLength: 6 }),
        label: fc.string({ maxLength: 12 }),
      }),
      action: fc.constantFrom('create' as const, 'update' as const, 'delete' as const),
      changes: fc.array(change, { maxLength: 3 }),
    })
    // Removing entry 1 leaves a valid slice that starts at 2: a trail's start is known only from a signed packet or the store.
    const scenario = fc
      .array(content, { minLength: 3, maxLength: 25 })
      .chain((contents) =>
        fc.record({
          contents: fc.constant(contents),
          target: fc.integer({ min: 1, max: contents.length - 1 }),
          tamper,
        }),
      )
      .filter(({ target, tamper }) => !(target === 1 && tamper.kind === 'delete'))
    fc.assert(
      fc.property(scenario, ({ contents, target, tamper }) => {
        const entries: AuditEntry[] = []
        for (const item of contents) entries.push(sealEntry(entries.at(-1), item))
        expect(verifyChain(entries)).toEqual({ intact: true, count: entries.length })

        const index = target - 1
        const original = entries[index]!
        let tampered: AuditEntry[]
        if (tamper.kind === 'delete') tampered = entries.filter((_, at) => at !== index)
        else if (tamper.kind === 'swap')
          tampered = entries.map((entry, at) =>
            at === index ? entries[index + 1]! : at === index + 1 ? original : entry,
          )
        else tampered = entries.map((entry, at) => (at === index ? changedField(entry, tamper.path) : entry))
        expect(verifyChain(tampered)).toMatchObject({ intact: false, firstBad: target })
      }),
      { numRuns: 300 },
    )
  })
})

function changedField(entry: AuditEntry, path: keyof AuditEntry): AuditEntry {
  switch (path) {
    case 'seq':
      return { ...entry, seq: entry.seq + 100 }
    case 'at':
      return { ...entry, at: new Date(Date.parse(entry.at) + 1000).toISOString() }
    case 'actor':
      return { ...entry, actor: { ...entry.actor, name: `${entry.actor.name}!` } }
    case 'entity':
      return { ...entry, entity: { ...entry.entity, label: `${entry.entity.label}!` } }
    case 'action':
      return { ...entry, action: entry.action === 'update' ? 'delete' : 'update' }
    case 'changes':
      return { ...entry, changes: [...entry.changes, { field: 'added', before: null, after: 1 }] }
    case 'prevHash':
      return { ...entry, prevHash: '0'.repeat(64) }
    case 'hash':
      return { ...entry, hash: 'f'.repeat(64) }
  }
}

describe('diffFields', () => {
  test('lists the top-level fields whose value changed, sorted by name, leaving out ignored ones', () => {
    const before = {
      verdict: 'untested',
      notes: '',
      evidenceIds: ['a'],
      updatedAt: '2026-01-01T00:00:00.000Z',
      meta: { b: 1, a: 2 },
    }
    const after = {
      verdict: 'passed',
      notes: '',
      evidenceIds: ['a', 'b'],
      updatedAt: '2026-01-02T00:00:00.000Z',
      meta: { a: 2, b: 1 },
    }
    expect(diffFields(before, after, ['updatedAt'])).toEqual([
      { field: 'evidenceIds', before: ['a'], after: ['a', 'b'] },
      { field: 'verdict', before: 'untested', after: 'passed' },
    ])
  })

  test('lists every field for a created or deleted record', () => {
    expect(diffFields(undefined, { b: 2, a: 1, updatedAt: 'x' }, ['updatedAt'])).toEqual([
      { field: 'a', before: undefined, after: 1 },
      { field: 'b', before: undefined, after: 2 },
    ])
    expect(diffFields({ a: 1, b: null }, undefined)).toEqual([
      { field: 'a', before: 1, after: undefined },
      { field: 'b', before: null, after: undefined },
    ])
  })

  test('treats a field that appears or disappears as a change, but undefined and missing as the same', () => {
    expect(diffFields({ a: 1, gone: 'x', same: undefined }, { a: 1, added: null })).toEqual([
      { field: 'added', before: undefined, after: null },
      { field: 'gone', before: 'x', after: undefined },
    ])
    expect(diffFields(undefined, undefined)).toEqual([])
  })

  test('gives diffs that seal and verify', () => {
    const changes = diffFields({ verdict: 'untested' }, { verdict: 'failed' })
    const entry = sealEntry(undefined, { ...unsealed(1), changes })
    expect(verifyChain([entry])).toEqual({ intact: true, count: 1 })
  })
})
