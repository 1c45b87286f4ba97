import { describe, expect, it } from 'vitest'
import {
  caseColumns,
  extraColumnNames,
  extraValue,
  maxShownExtraColumns,
} from '../../../../../renderer/features/plans/case-columns'
import { aCase } from '../../../../helpers/records'

describe('case columns', () => {
  it('lists the kept columns in the order cases first use them, between Required and Delete', () => {
    const cases = [
      aCase('TC-1', { extra: [{ column: 'Notes', value: 'n' }] }),
      aCase('TC-2'),
      aCase('TC-3', {
        extra: [
          { column: 'Priority', value: 'High' },
          { column: 'Notes', value: 'm' },
        ],
      }),
    ]
    expect(extraColumnNames(cases)).toEqual(['Notes', 'Priority'])
    expect(caseColumns(extraColumnNames(cases)).map((c) => c.header)).toEqual([
      '#',
      'ID',
      'Title',
      'Category',
      'Steps',
      'Expected result',
      'Required',
      'Notes',
      'Priority',
      'Delete',
    ])
    expect(extraValue(cases[2] ?? aCase('x'), 'Notes')).toBe('m')
    expect(extraValue(cases[1] ?? aCase('x'), 'Notes')).toBe('')
  })

  it('shows at most maxShownExtraColumns kept columns', () => {
    const names = Array.from({ length: maxShownExtraColumns + 5 }, (_, i) => `Column ${i}`)
    expect(caseColumns(names).filter((c) => c.kind === 'extra')).toHaveLength(maxShownExtraColumns)
  })
})
