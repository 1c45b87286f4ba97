import { createHash } from 'node:crypto'
import { LedgerState } from '../../../core/bridge/ledger'

/** The layout of ledger.json this build writes; a file of a higher format was written by a newer WWA Lab. */
export const ledgerFormat = 1

/** What a ledger file says: a state main can trust, or why it cannot be trusted. */
export type ReadLedger =
  { readonly trusted: true; readonly state: LedgerState } | { readonly trusted: false; readonly reason: string }

const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

/**
 * The file's bytes: the state and the SHA-256 of its JSON. The rename makes a
 * torn write impossible on a sound disk; the hash catches what a damaged disk,
 * a sync tool or a hand edit does to a file that still parses.
 */
export function encodeLedger(state: LedgerState): Uint8Array {
  const body = JSON.stringify(state)
  return new TextEncoder().encode(`{"format":${ledgerFormat},"sha256":"${sha256Hex(body)}","state":${body}}\n`)
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Reads a ledger file's bytes; anything but a whole, unchanged file of a known format is untrusted, with the reason. */
export function decodeLedger(bytes: Uint8Array): ReadLedger {
  const untrusted = (reason: string): ReadLedger => ({ trusted: false, reason })
  let text: string
  let parsed: unknown
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    parsed = JSON.parse(text)
  } catch {
    return untrusted(
      bytes.byteLength === 0 ? 'the file is empty' : 'the file is not readable as a ledger (cut short or overwritten)',
    )
  }
  if (!isRecord(parsed)) return untrusted('the file is not readable as a ledger')
  const { format, sha256, state } = parsed
  if (typeof format === 'number' && format > ledgerFormat)
    return untrusted(`it was written by a newer WWA Lab (ledger format ${format}; this version reads ${ledgerFormat})`)
  if (format !== ledgerFormat || typeof sha256 !== 'string' || !isRecord(state))
    return untrusted('the file is not readable as a ledger')
  // JSON.parse keeps the keys in the order written, so an unchanged state stringifies to the bytes that were hashed.
  if (sha256Hex(JSON.stringify(state)) !== sha256)
    return untrusted('its contents no longer match the SHA-256 written with them, so it was changed or damaged')
  const valid = LedgerState.safeParse(state)
  if (!valid.success) return untrusted('its contents are not a state WWA Lab writes')
  return { trusted: true, state: valid.data }
}
