import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { entityLabel, parseResultId, resultId } from '../../../../core/model/entity'
import { aHub, aProduct, aSession, aUnit } from '../../../helpers/records'

describe('entities', () => {
  it('names every record the same way everywhere', () => {
    expect(entityLabel('product', aProduct())).toBe('Acme AC-100')
    expect(entityLabel('hub', aHub())).toBe('Acme HUB-2')
    expect(entityLabel('unit', aUnit())).toBe('Unit SN-0001')
    expect(entityLabel('session', aSession())).toBe('Session WWA smart plug v1')
    expect(entityLabel('result', { caseId: 'TC-7' })).toBe('Case TC-7')
  })

  it('names a record that has no words yet by its kind', () => {
    expect(entityLabel('product', aProduct({ brand: '', modelNumber: ' ' }))).toBe('Untitled product')
    expect(entityLabel('lab-profile', { id: 'lab', name: '', people: [], updatedAt: '2026-11-20T09:00:00.000Z' })).toBe(
      'Lab profile',
    )
  })

  it('builds and reads back a result id, whatever the case ID holds', () => {
    fc.assert(
      fc.property(fc.uuid(), fc.string({ minLength: 1 }), (sessionId, caseId) => {
        expect(parseResultId(resultId(sessionId, caseId))).toEqual({ sessionId, caseId })
      }),
    )
    expect(parseResultId('no-slash')).toBeUndefined()
    expect(parseResultId('s-1/')).toBeUndefined()
  })
})
