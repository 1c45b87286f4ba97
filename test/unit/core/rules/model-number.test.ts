import { describe, expect, test } from 'vitest'
import { compareDiscoveryModel } from '../../../../core/rules/model-number'

describe('compareDiscoveryModel', () => {
  test('passes when the device reports the requested model number', () => {
    expect(compareDiscoveryModel('SL-200', 'SL-200').verdict).toBe('pass')
    expect(compareDiscoveryModel(' SL-200\n', 'SL-200 ')).toEqual({
      verdict: 'pass',
      message: 'The device reports model "SL-200" in discovery, as the certification request names it.',
    })
  })

  test('a different model is a mismatch that quotes both', () => {
    expect(compareDiscoveryModel('SL-210', 'SL-200')).toEqual({
      verdict: 'mismatch',
      message: 'The device reports model "SL-210" in discovery, but the certification request names "SL-200".',
    })
  })

  test('a near miss still fails, and says how near it is', () => {
    expect(compareDiscoveryModel('sl-200', 'SL-200').message).toMatch(/differ only in capital letters\.$/)
    expect(compareDiscoveryModel('SL 200', 'SL-200').message).toMatch(/differ only in spaces or punctuation\.$/)
    expect(compareDiscoveryModel('SL 200', 'SL-200').verdict).toBe('mismatch')
  })

  test('an empty discovered model is a mismatch', () => {
    expect(compareDiscoveryModel('  ', 'SL-200')).toEqual({
      verdict: 'mismatch',
      message: 'The device reports no model in discovery; the certification request names "SL-200".',
    })
  })
})
