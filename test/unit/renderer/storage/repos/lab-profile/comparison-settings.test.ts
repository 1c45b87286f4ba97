import { describe, expect, it } from 'vitest'
import { defaultComparisonSettings } from '../../../../../../core/rules/comparison/settings'
import { createRepositories } from '../../../../../../renderer/storage/repositories'
import { freshLabDb } from '../../../../../helpers/lab-db'
import { valueOf } from '../../../../../helpers/outcome'

const probeImage = () => Promise.reject(new Error('not used'))
const jo = { id: 'jd', name: 'Jo Doe', initials: 'JD', role: 'reviewer' } as const

function lab() {
  const db = freshLabDb()
  const repos = createRepositories(db, { probeImage, actor: () => ({ id: 'jd', name: 'Jo Doe' }) })
  return { db, repos }
}

describe('the lab’s comparison thresholds', () => {
  it('are the defaults until changed, and cannot be kept before the lab profile exists', async () => {
    const { db, repos } = lab()
    expect(await repos.profile.comparisonSettings()).toEqual(defaultComparisonSettings)
    const refused = await repos.profile.setComparisonSettings({ ...defaultComparisonSettings, staleAfterDays: 7 })
    expect(refused).toMatchObject({
      ok: false,
      problem: { message: expect.stringMatching(/^Set up the lab profile first/) },
    })
    expect(await db.profile.count()).toBe(0)
    expect(await db.audit.count()).toBe(0)
  })

  it('are kept in the profile, audited, leave its people alone, and return to the defaults on request', async () => {
    const { db, repos } = lab()
    valueOf(
      await repos.profile.save({ id: 'lab', name: 'Lab Nord', people: [jo], updatedAt: '2026-03-01T09:00:00.000Z' }),
    )
    const changed = { ...defaultComparisonSettings, staleAfterDays: 7, dHashNearDuplicate: 10 }
    expect(valueOf(await repos.profile.setComparisonSettings(changed))).toEqual(changed)
    expect(await repos.profile.comparisonSettings()).toEqual(changed)
    expect((await repos.profile.get())?.people).toEqual([jo])
    const entries = await db.audit.orderBy('seq').toArray()
    expect(entries).toHaveLength(2)
    expect(JSON.stringify(entries[1])).toContain('staleAfterDays')

    expect(valueOf(await repos.profile.setComparisonSettings(null))).toEqual(defaultComparisonSettings)
    expect((await repos.profile.get())?.comparison).toBeUndefined()
    expect(await db.audit.count()).toBe(3)
  })

  it('refuses a threshold out of its range, storing nothing', async () => {
    const { db, repos } = lab()
    valueOf(
      await repos.profile.save({ id: 'lab', name: 'Lab Nord', people: [jo], updatedAt: '2026-03-01T09:00:00.000Z' }),
    )
    for (const wrong of [
      { brandReviewSimilarity: 1.5 },
      { staleAfterDays: 0 },
      { pHashNearDuplicate: 65 },
      { staleAfterDays: 2.5 },
    ]) {
      const outcome = await repos.profile.setComparisonSettings({ ...defaultComparisonSettings, ...wrong })
      expect(outcome.ok, JSON.stringify(wrong)).toBe(false)
    }
    expect((await repos.profile.get())?.comparison).toBeUndefined()
    expect(await db.audit.count()).toBe(1)
  })
})
