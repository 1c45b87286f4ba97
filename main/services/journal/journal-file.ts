import { createHash } from 'node:crypto'
import { z } from 'zod'
import { JournalEntry } from '../../../core/bridge/journal'

/** The layout of the journal file this build writes. */
export const journalFormat = 1

const Body = z.array(JournalEntry)

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

/** The file's bytes: the entries, in the order they were first kept, and the SHA-256 of their JSON. */
export function encodeJournal(entries: ReadonlyMap<string, string>): Uint8Array {
  const body = JSON.stringify([...entries].map(([key, value]) => ({ key, value })))
  return new TextEncoder().encode(`{"format":${journalFormat},"sha256":"${sha256Hex(body)}","entries":${body}}\n`)
}

/** What a journal file holds, or why it cannot be read. */
export type ReadJournal =
  | { readonly readable: true; readonly entries: Map<string, string> }
  | { readonly readable: false; readonly reason: string }

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Reads a journal file's bytes: only a whole, unchanged file of this format is read. */
export function decodeJournal(bytes: Uint8Array): ReadJournal {
  const unreadable = (reason: string): ReadJournal => ({ readable: false, reason })
  let parsed: unknown
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return unreadable(bytes.byteLength === 0 ? 'the file is empty' : 'the file is cut short or overwritten')
  }
  if (!isRecord(parsed)) return unreadable('the file is not a journal WWA Lab writes')
  const { format, sha256, entries } = parsed
  if (typeof format === 'number' && format > journalFormat)
    return unreadable(
      `it was written by a newer WWA Lab (journal format ${format}; this version reads ${journalFormat})`,
    )
  if (format !== journalFormat || typeof sha256 !== 'string')
    return unreadable('the file is not a journal WWA Lab writes')
  if (sha256Hex(JSON.stringify(entries)) !== sha256)
    return unreadable('its contents no longer match the SHA-256 written with them')
  const valid = Body.safeParse(entries)
  if (!valid.success) return unreadable('its entries are not what WWA Lab writes')
  return { readable: true, entries: new Map(valid.data.map((e) => [e.key, e.value])) }
}
