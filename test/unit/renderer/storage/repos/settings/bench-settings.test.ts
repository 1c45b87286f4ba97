import { describe, expect, test } from 'vitest'
import { createSettingsRepo } from '../../../../../../renderer/storage/repos/settings/settings-repo'
import { freshLabDb } from '../../../../../helpers/lab-db'

describe("the bench's own settings", () => {
  test('keep the last place the window showed, and read anything that is not an address as none', async () => {
    const db = freshLabDb()
    const settings = createSettingsRepo(db)
    expect(await settings.lastPlace()).toBeNull()
    await settings.setLastPlace('#/sessions/s-1')
    expect(await createSettingsRepo(db).lastPlace()).toBe('#/sessions/s-1')
    await db.settings.put({ key: 'window.lastPlace', value: { address: 'https://example.com/', database: db.name } })
    expect(await settings.lastPlace()).toBeNull()
  })

  test('read a place copied in from another database (a restored backup) as none', async () => {
    const db = freshLabDb()
    await db.settings.put({ key: 'window.lastPlace', value: { address: '#/settings', database: 'wwa-lab-old' } })
    expect(await createSettingsRepo(db).lastPlace()).toBeNull()
  })

  test('move the runner on after a verdict until turned off', async () => {
    const db = freshLabDb()
    const settings = createSettingsRepo(db)
    expect(await settings.autoAdvance()).toBe(true)
    await settings.setAutoAdvance(false)
    expect(await createSettingsRepo(db).autoAdvance()).toBe(false)
    await settings.setAutoAdvance(true)
    expect(await settings.autoAdvance()).toBe(true)
  })
})
