import { describe, expect, it } from 'vitest'
import {
  createDraftJournal,
  maxJournalledDraftChars,
} from '../../../../../../renderer/storage/repos/drafts/draft-journal'
import { createDraftsRepo } from '../../../../../../renderer/storage/repos/drafts/drafts-repo'
import { freshLabDb } from '../../../../../helpers/lab-db'
import { memoryStorage } from '../../../../../helpers/memory-storage'

const row = (recordId: string, value: unknown, savedAt: string) => ({
  key: `product:${recordId}`,
  kind: 'product' as const,
  recordId,
  title: 'Acme',
  value,
  savedAt,
})

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

  it('keeps each draft in the journal until its write committed, and nothing after', async () => {
    const storage = memoryStorage()
    const drafts = createDraftsRepo(freshLabDb(), () => new Date('2026-11-20T09:00:00Z'), storage)
    await drafts.keep('product', 'p-1', { brand: 'Ac' }, 'Ac')
    expect(storage.length).toBe(0)
  })

  it('restores the draft a killed window noted but never wrote, and the later of the two copies', async () => {
    const storage = memoryStorage()
    const db = freshLabDb()
    // The window kept "Ac" in IndexedDB, then noted "Acme" and died before its write committed.
    await createDraftsRepo(db, () => new Date('2026-11-20T09:00:00Z')).keep('product', 'p-1', { brand: 'Ac' }, 'Ac')
    createDraftJournal(storage).note(row('p-1', { brand: 'Acme' }, '2026-11-20T09:00:05.000Z'))
    createDraftJournal(storage).note(row('new-1', { brand: 'Ne' }, '2026-11-20T09:00:06.000Z'))
    const drafts = createDraftsRepo(db, () => new Date('2026-11-20T10:00:00Z'), storage)
    expect(await drafts.get('product', 'p-1')).toMatchObject({ value: { brand: 'Acme' } })
    // A product never saved, whose only draft is in the journal, is listed with the unsaved ones.
    expect((await drafts.unsavedNew('product', async (id) => id === 'p-1')).map((d) => d.recordId)).toEqual(['new-1'])
    // An older copy in the journal (its settling lost) never wins over a newer draft in IndexedDB.
    createDraftJournal(storage).note(row('p-1', { brand: 'A' }, '2026-11-20T08:59:00.000Z'))
    await createDraftsRepo(db, () => new Date('2026-11-20T09:30:00Z')).keep('product', 'p-1', { brand: 'Acm' }, 'Acm')
    expect(await drafts.get('product', 'p-1')).toMatchObject({ value: { brand: 'Acm' } })
    await drafts.discard('product', 'p-1')
    expect(await drafts.get('product', 'p-1')).toBeUndefined()
  })

  it('keeps a draft too large for the journal in IndexedDB only, dropping an older copy from the journal', async () => {
    const storage = memoryStorage()
    const journal = createDraftJournal(storage)
    journal.note(row('plan', { cases: 'small' }, '2026-11-20T09:00:00.000Z'))
    expect(journal.note(row('plan', { cases: 'x'.repeat(maxJournalledDraftChars) }, '2026-11-20T09:00:01.000Z'))).toBe(
      undefined,
    )
    expect(journal.get('product:plan')).toBeUndefined()
  })
})
