import { describe, expect, it } from 'vitest'
import { describeFsError } from '../../../../main/services/describe-fs-error'
import { formatBytes } from '../../../../main/services/format-bytes'

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [812, '812 bytes'],
    [1024, '1 KiB'],
    [1536, '1.5 KiB'],
    [64 * 1024 * 1024, '64 MiB'],
    [3 * 1024 ** 3, '3 GiB'],
  ])('%i → %s', (bytes, shown) => {
    expect(formatBytes(bytes)).toBe(shown)
  })
})

describe('describeFsError', () => {
  it('puts known error codes in words', () => {
    expect(describeFsError(Object.assign(new Error('EACCES: permission denied, open'), { code: 'EACCES' }))).toBe('permission was denied')
    expect(describeFsError(Object.assign(new Error('x'), { code: 'EROFS' }))).toBe('the disk is read-only')
  })

  it('falls back to the message, without a trailing period', () => {
    expect(describeFsError(new Error('Something odd happened.'))).toBe('Something odd happened')
    expect(describeFsError('plain string')).toBe('plain string')
  })
})
