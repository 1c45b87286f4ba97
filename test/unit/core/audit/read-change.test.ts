import { describe, expect, it } from 'vitest'
import { fieldName, nameKey, readChange, refsIn, type Names } from '../../../../core/audit/read-change'
import { labDates } from '../../../../core/text/dates'

const dates = labDates('en-GB', 'UTC')
const names: Names = new Map([
  [nameKey({ kind: 'hub', id: 'h-1' }), 'Acme H1'],
  [nameKey({ kind: 'hub', id: 'h-2' }), 'Zeta Z2'],
  [nameKey({ kind: 'skill', id: 's-1' }), 'Acme Home'],
  [nameKey({ kind: 'file', id: 'f-1' }), 'front.jpg'],
  [nameKey({ kind: 'file', id: 'f-2' }), 'label.png'],
  [nameKey({ kind: 'person', id: 'p-1' }), 'Ana Lima'],
])

describe('reading an audit change', () => {
  it('names the hub and skill a product points to, not their ids', () => {
    expect(readChange({ field: 'hubId', before: 'h-1', after: 'h-2' }, names, dates)).toEqual({
      shape: 'value',
      field: 'Tested hub',
      before: 'Acme H1',
      after: 'Zeta Z2',
    })
    expect(readChange({ field: 'skillRecordId', before: null, after: 's-1' }, names, dates)).toMatchObject({
      field: 'Alexa skill',
      before: '(none)',
      after: 'Acme Home',
    })
  })

  it('says an id whose record is gone points to something no longer stored, never the bare id', () => {
    expect(readChange({ field: 'hubId', before: 'h-9', after: 'h-1' }, names, dates)).toMatchObject({
      before: 'a hub no longer stored',
    })
  })

  it('reads an ASIN list change as the items added and removed', () => {
    const a = { marketplace: 'US', asin: 'B0ABCDEF12', variation: '' }
    const b = { marketplace: 'DE', asin: 'B0ABCDEF34', variation: 'White' }
    const c = { marketplace: 'UK', asin: 'B0ABCDEF56', variation: '' }
    expect(readChange({ field: 'asins', before: [a, b], after: [a, c] }, names, dates)).toEqual({
      shape: 'list',
      field: 'ASINs',
      added: ['B0ABCDEF56 (UK)'],
      removed: ['B0ABCDEF34 (DE, White)'],
      changed: [],
    })
  })

  it('names photos and evidence by their file names, and a photo whose role changed by what changed', () => {
    expect(readChange({ field: 'evidenceIds', before: ['f-1'], after: ['f-1', 'f-2'] }, names, dates)).toMatchObject({
      field: 'Evidence',
      added: ['label.png'],
      removed: [],
    })
    expect(
      readChange(
        { field: 'photos', before: [{ fileId: 'f-1', role: 'other' }], after: [{ fileId: 'f-1', role: 'front' }] },
        names,
        dates,
      ),
    ).toMatchObject({ added: [], removed: [], changed: ['Front: front.jpg (role Other → Front)'] })
  })

  it('writes dates the lab way and choices by their labels', () => {
    expect(readChange({ field: 'receivedOn', before: '2026-03-01', after: '2026-03-02' }, names, dates)).toMatchObject({
      before: '01/03/2026',
      after: '02/03/2026',
    })
    expect(
      readChange({ field: 'completedAt', before: null, after: '2026-03-02T14:05:00.000Z' }, names, dates),
    ).toMatchObject({ after: '02/03/2026, 14:05' })
    expect(readChange({ field: 'connection', before: 'hub', after: 'matter' }, names, dates)).toMatchObject({
      field: 'Connection',
      before: 'Through a hub',
      after: 'Direct Matter',
    })
  })

  it('shows only what changed inside a test case, and a tester by name', () => {
    const before = { caseId: 'TC-1', title: 'Turn on', required: true }
    expect(
      readChange({ field: 'case TC-1', before, after: { ...before, title: 'Turn on by voice' } }, names, dates),
    ).toEqual({ shape: 'value', field: 'Case TC-1', before: 'title Turn on', after: 'title Turn on by voice' })
    expect(readChange({ field: 'testerId', before: undefined, after: 'p-1' }, names, dates)).toEqual({
      shape: 'value',
      field: 'Tester',
      before: undefined,
      after: 'Ana Lima',
    })
  })

  it('lists every id the changes point to once, nested ones included', () => {
    const refs = refsIn([
      { field: 'hubId', before: 'h-1', after: 'h-2' },
      { field: 'photos', before: [], after: [{ fileId: 'f-1', role: 'front' }] },
      { field: 'referencePhotoIds', before: ['f-1'], after: ['f-1', 'f-2'] },
      { field: 'name', before: 'h-1', after: 'x' },
    ])
    expect(refs.map(nameKey).sort()).toEqual(['file:f-1', 'file:f-2', 'hub:h-1', 'hub:h-2'])
  })

  it('spells field names as words', () => {
    expect(fieldName('modelNumber')).toBe('Model number')
    expect(fieldName('skillRecordId')).toBe('Alexa skill')
  })
})
