import { describe, expect, test } from 'vitest'
import { planFileSizeRefusal, planImportLimits } from '../../../../core/import/limits'
import { readPlanBytes } from '../../../../core/import/read-plan-file'

const mib = 1024 * 1024

describe('the plan file size check', () => {
  test('lets a file of exactly the limit through and refuses one byte more, naming the file and the limit', () => {
    expect(planFileSizeRefusal('plan.csv', 0)).toBeUndefined()
    expect(planFileSizeRefusal('plan.csv', planImportLimits.maxBytes)).toBeUndefined()
    expect(planFileSizeRefusal('plan.csv', planImportLimits.maxBytes + 1)).toBe(
      'plan.csv is 10,485,761 bytes; a plan file can be at most 10 MiB.',
    )
    expect(planFileSizeRefusal('big plan.xlsx', 11 * mib)).toBe(
      'big plan.xlsx is 11 MiB; a plan file can be at most 10 MiB.',
    )
  })

  test('uses the limits it is given', () => {
    const limits = { ...planImportLimits, maxBytes: 4 }
    expect(planFileSizeRefusal('big.csv', 4, limits)).toBeUndefined()
    expect(planFileSizeRefusal('big.csv', 5, limits)).toBe('big.csv is 5 bytes; a plan file can be at most 4 bytes.')
  })

  test('still reads as a sentence when the file has no name', () => {
    expect(planFileSizeRefusal('  ', 12 * mib)).toBe('The file is 12 MiB; a plan file can be at most 10 MiB.')
  })

  test('is what reading a plan file says, once, with nothing imported', async () => {
    const limits = { ...planImportLimits, maxBytes: 8 }
    const outcome = await readPlanBytes({ name: 'plan.csv', bytes: new Uint8Array(9) }, limits)
    expect(outcome).toEqual({
      ok: false,
      message: 'plan.csv is 9 bytes; a plan file can be at most 8 bytes. Nothing was imported.',
    })
  })
})
