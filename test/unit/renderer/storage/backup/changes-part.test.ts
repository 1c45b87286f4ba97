import { describe, expect, it } from 'vitest'
import { decodeChanges, encodeChanges } from '../../../../../renderer/storage/backup/changes-part'

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer())

describe('changes.json', () => {
  it('gives back each row as it was stored, a field kept as undefined included', async () => {
    const part = {
      tables: {
        drafts: {
          replaced: false,
          superseded: ['d-1', 'd-2'],
          rows: [{ key: 'd-1', text: 'é ✓', archived: undefined }],
        },
        results: { replaced: true, superseded: [], rows: [{ sessionId: 's', caseId: 'c', list: [1, null, 'x'] }] },
      },
    }
    const decoded = decodeChanges(await bytesOf(encodeChanges(part)))
    expect(decoded).toEqual(part)
    expect(Object.hasOwn(decoded?.tables.drafts?.rows[0] ?? {}, 'archived')).toBe(true)
  })

  it('keeps a field named __proto__ as a field, never as the row’s prototype', () => {
    const text =
      '{"tables":{"drafts":{"replaced":false,"superseded":[],"rows":[{"key":"d","__proto__":{"polluted":true}}]}}}'
    const row = decodeChanges(new TextEncoder().encode(text))?.tables.drafts?.rows[0]
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype)
    expect((row as { polluted?: unknown }).polluted).toBeUndefined()
    expect(Object.keys(row ?? {})).toEqual(['key', '__proto__'])
  })

  it('is undefined for bytes that are not what WWA Lab writes', () => {
    for (const text of [
      '{"tables":{"x":{"replaced":false,"superseded":[],"rows":[1]}}}',
      '{"tables":[]}',
      '{',
      '\u00ff',
    ]) {
      expect(decodeChanges(new TextEncoder().encode(text))).toBeUndefined()
    }
    expect(decodeChanges(new Uint8Array([0x7b, 0xff, 0x7d]))).toBeUndefined()
  })

  it('refuses a value JSON would change without a word (a Date, NaN, bytes) instead of writing it wrong', () => {
    for (const value of [new Date(0), Number.NaN, new Uint8Array(2), new Map()]) {
      expect(() =>
        encodeChanges({ tables: { drafts: { replaced: false, superseded: [], rows: [{ key: 'd', value }] } } }),
      ).toThrow(/holds a value a backup cannot keep/)
    }
  })
})
