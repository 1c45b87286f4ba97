import { describe, expect, it } from 'vitest'
import { findCase } from '../../../../../renderer/features/plans/find-case'
import { aCase } from '../../../../helpers/records'

const cases = [
  aCase('TC-1', { title: 'Turn on by voice' }),
  aCase('TC-10', { title: 'Turn off by voice' }),
  aCase('TC-100', { title: 'Discovery' }),
  aCase('PWR-2', { title: 'Reports power' }),
]

describe('findCase', () => {
  it('goes to the case whose whole ID is the text, ignoring case and spaces, before cases that only contain it', () => {
    expect(findCase(cases, ' tc-10 ', 0)).toEqual({ index: 1, nth: 1, of: 2, exactId: true })
    expect(findCase(cases, 'TC-1', 3)).toMatchObject({ index: 0, exactId: true, of: 3 })
  })

  it('goes on to the next case whose ID or title holds the text, wrapping at the end', () => {
    expect(findCase(cases, 'voice', 0)).toEqual({ index: 1, nth: 2, of: 2, exactId: false })
    expect(findCase(cases, 'voice', 1)).toEqual({ index: 0, nth: 1, of: 2, exactId: false })
    expect(findCase(cases, 'power', 0)).toMatchObject({ index: 3, nth: 1, of: 1 })
    // Already on the exact ID: searching again moves on to the next match.
    expect(findCase(cases, 'TC-1', 0)).toMatchObject({ index: 1, nth: 2, of: 3 })
  })

  it('finds nothing for blank text or text no case holds', () => {
    expect(findCase(cases, '   ', 0)).toBeUndefined()
    expect(findCase(cases, 'hub', 0)).toBeUndefined()
  })
})
