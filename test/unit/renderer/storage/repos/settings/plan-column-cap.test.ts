import { describe, expect, test } from 'vitest'
import { createSettingsRepo } from '../../../../../../renderer/storage/repos/settings/settings-repo'
import { freshLabDb } from '../../../../../helpers/lab-db'

describe('the plan column cap setting', () => {
  test('is 200 until it is set, and is kept with the other settings', async () => {
    const db = freshLabDb()
    const settings = createSettingsRepo(db)
    expect(await settings.maxPlanColumns()).toBe(200)
    expect(await settings.setMaxPlanColumns(1000)).toEqual({ ok: true, value: 1000 })
    expect(await settings.maxPlanColumns()).toBe(1000)
    expect(await db.settings.get('planImport.maxColumns')).toEqual({ key: 'planImport.maxColumns', value: 1000 })
  })

  test('refuses a value outside 2 to 16,384, naming the range, and keeps the one before', async () => {
    const settings = createSettingsRepo(freshLabDb())
    await settings.setMaxPlanColumns(300)
    for (const value of [1, 16_385, 2.5, Number.NaN]) {
      const outcome = await settings.setMaxPlanColumns(value)
      expect(outcome).toMatchObject({ ok: false, problem: { code: 'invalid', field: 'maxPlanColumns' } })
      expect(!outcome.ok && outcome.problem.message).toMatch(/from 2 to 16,384/)
    }
    expect(await settings.maxPlanColumns()).toBe(300)
  })

  test('a stored value this build does not accept reads as the default', async () => {
    const db = freshLabDb()
    await db.settings.put({ key: 'planImport.maxColumns', value: 'lots' })
    expect(await createSettingsRepo(db).maxPlanColumns()).toBe(200)
  })
})
