import { describe, expect, it } from 'vitest'
import { createDraftsRepo } from '../../../../../../renderer/storage/repos/drafts/drafts-repo'
import { freshLabDb } from '../../../../../helpers/lab-db'

describe('drafts repository', () => {
  it('keeps one draft per record, replaced by the newer one, and discards it', async () => {
    let clock = Date.parse('2026-11-20T09:00:00Z')
    const drafts = createDraftsRepo(freshLabDb(), () => new Date(clock))
    await drafts.keep('product', 'p-1', { brand: '' }, 'Untitled product')
    clock += 60_000
    await drafts.keep('product', 'p-1', { brand: 'Ac' }, 'Ac')
    expect(await drafts.get('product', 'p-1')).toMatchObject({
      value: { brand: 'Ac' },
      title: 'Ac',
      savedAt: '2026-11-20T09:01:00.000Z',
    })
    await drafts.discard('product', 'p-1')
    expect(await drafts.get('product', 'p-1')).toBeUndefined()
  })

  it('lists only drafts of records that were never saved, newest first, for one kind', async () => {
    let clock = Date.parse('2026-11-20T09:00:00Z')
    const drafts = createDraftsRepo(freshLabDb(), () => new Date((clock += 1000)))
    await drafts.keep('product', 'saved-one', {}, 'A')
    await drafts.keep('product', 'new-1', {}, 'B')
    await drafts.keep('hub', 'new-hub', {}, 'C')
    await drafts.keep('product', 'new-2', {}, 'D')
    const unsaved = await drafts.unsavedNew('product', async (id) => id === 'saved-one')
    expect(unsaved.map((d) => d.title)).toEqual(['D', 'B'])
  })
})
