import { z } from 'zod'

/** The most entries main keeps: a journal holds only what is on its way to the database, a handful at a time. */
export const maxJournalEntries = 5_000
/** The most characters of keys and values main keeps in all: the file is rewritten whole on every change. */
export const maxJournalChars = 16_000_000

// A key names one pending change ("wwa-lab.pending-result.<session>/<case>"); a value is its JSON (notes of up to 20,000 characters).
const Key = z
  .string()
  .min(1, 'must name an entry')
  .max(400, 'is longer than a key WWA Lab makes')
  .regex(/^[^\p{Cc}]+$/u, 'must not contain control characters')
const Value = z.string().max(200_000, 'is longer than a journal entry WWA Lab makes')

export const JournalEntry = z.object({ key: Key, value: Value })

export const JournalReadResponse = z.object({
  entries: z.array(JournalEntry),
  /** Why the journal file could not be read, when it could not (it was set aside, not deleted); null when it was fine. */
  damaged: z.string().nullable(),
})

/** Entries to set and entries to drop, applied in that order and in the order main receives the calls. */
export const JournalWriteRequest = z.object({
  puts: z.array(JournalEntry).max(1_000, 'holds more entries than one write carries'),
  drops: z.array(Key).max(1_000, 'holds more keys than one write carries'),
})

/** On disk once this answers: the entries main now keeps. */
export const JournalWriteResponse = z.object({ entries: z.number().int().nonnegative() })

export const journalContract = {
  /** What main kept of the changes a window had not yet stored when it went away. */
  'journal.read': { request: z.undefined(), response: JournalReadResponse },
  /** Keeps or forgets pending changes; answers once the journal file with them is on disk. */
  'journal.write': { request: JournalWriteRequest, response: JournalWriteResponse },
} as const

export type JournalEntry = z.output<typeof JournalEntry>
export type JournalWriteRequest = z.output<typeof JournalWriteRequest>
