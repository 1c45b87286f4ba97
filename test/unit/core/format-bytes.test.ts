import { describe, expect, it } from 'vitest'
import { formatBytes } from '../../../core/format-bytes'

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
