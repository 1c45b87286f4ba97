import { describe, expect, it } from 'vitest'
import { describeFsError } from '../../../../../main/services/files/describe-fs-error'

describe('describeFsError', () => {
  it('puts known error codes in words', () => {
    expect(describeFsError(Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES' }))).toBe(
      'permission was denied',
    )
    expect(describeFsError(Object.assign(new Error('x'), { code: 'EROFS' }))).toBe('the disk is read-only')
  })

  it('falls back to the message, without a trailing period', () => {
    expect(describeFsError(new Error('Something odd happened.'))).toBe('Something odd happened')
    expect(describeFsError('plain string')).toBe('plain string')
  })
})
