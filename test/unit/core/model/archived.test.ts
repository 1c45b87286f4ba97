import { describe, expect, it } from 'vitest'
import { isArchived, pickable, pickerLabel } from '../../../../core/model/archived'
import { Hub } from '../../../../core/model/hub'
import { aHub } from '../../../helpers/records'

const mark = { at: '2026-11-21T10:00:00.000Z', by: { id: 'jd', name: 'Jo Doe' } }
const records = [
  { id: 'a', archived: mark },
  { id: 'b' },
  { id: 'c', archived: mark },
  { id: 'd', archived: undefined },
]

describe('archived records in pickers', () => {
  it('offers the active records in their order, and an archived one only while it is chosen', () => {
    expect(pickable(records).map((r) => r.id)).toEqual(['b', 'd'])
    expect(pickable(records, 'c').map((r) => r.id)).toEqual(['b', 'c', 'd'])
    expect(pickable(records, null, undefined, 'a').map((r) => r.id)).toEqual(['a', 'b', 'd'])
  })

  it('says so beside a chosen archived record', () => {
    expect(pickerLabel('Acme HUB-2', records[0]!)).toBe('Acme HUB-2 (archived)')
    expect(pickerLabel('Acme HUB-3', records[1]!)).toBe('Acme HUB-3')
    expect(records.map(isArchived)).toEqual([true, false, true, false])
  })

  it('reads records stored before archiving existed as active, and checks a mark when there is one', () => {
    const old = Hub.parse(aHub())
    expect(old.archived).toBeUndefined()
    expect(Hub.parse({ ...aHub(), archived: mark }).archived).toEqual(mark)
    expect(Hub.safeParse({ ...aHub(), archived: { at: 'yesterday', by: mark.by } }).success).toBe(false)
  })
})
