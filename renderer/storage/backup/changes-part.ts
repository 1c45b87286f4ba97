import { z } from 'zod'
import { BackupError } from './backup-error'

/** One table's rows written while a backup read its records: which rows of records.json they supersede, and what replaces them. */
export type TableChangeSet = {
  /** Every row of the table in records.json is superseded (a write that named no keys). */
  readonly replaced: boolean
  /** Keys whose rows in records.json are superseded: by a row below, or by nothing (the row was deleted). */
  readonly superseded: readonly unknown[]
  /** The rows as they were at the moment the backup stands for. */
  readonly rows: readonly Record<string, unknown>[]
}

export type ChangesPart = { readonly tables: Readonly<Record<string, TableChangeSet>> }

const ChangesPart = z.object({
  tables: z.record(
    z.string(),
    z.object({
      replaced: z.boolean(),
      superseded: z.array(z.unknown()),
      // Checked as rows by revive, which keeps a field named __proto__ as a field.
      rows: z.array(z.unknown()),
    }),
  ),
})

// JSON has no undefined; a field kept as undefined (not absent) is written as this, so the row comes back as it was stored.
const undefinedMark = '$wwaUndefined'

/** changes.json's bytes. Refuses (a bug, not a person's doing) a value JSON would silently change: a Date, a Map, NaN, bytes. */
export function encodeChanges(part: ChangesPart): Blob {
  const text = JSON.stringify(part, function (this: Record<string, unknown>, key, value: unknown) {
    const original = this[key]
    if (
      original instanceof Date ||
      original instanceof Map ||
      original instanceof Set ||
      original instanceof Blob ||
      original instanceof ArrayBuffer ||
      ArrayBuffer.isView(original) ||
      (typeof original === 'number' && !Number.isFinite(original))
    ) {
      throw new BackupError(
        `Could not back up the lab’s data: a record written during the backup holds a value a backup cannot keep (${key}). Nothing was kept of this backup.`,
      )
    }
    return value === undefined && key !== '' ? { [undefinedMark]: true } : value
  })
  return new Blob([text], { type: 'application/json' })
}

/** changes.json read back, its shape checked; `undefined` if it is not what WWA Lab writes. */
export function decodeChanges(bytes: Uint8Array): ChangesPart | undefined {
  let parsed: unknown
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return undefined
  }
  const checked = ChangesPart.safeParse(parsed)
  if (!checked.success) return undefined
  const tables: Record<string, TableChangeSet> = {}
  for (const [name, table] of Object.entries(checked.data.tables)) {
    const rows = table.rows.map(revive)
    if (!rows.every((row) => typeof row === 'object' && row !== null && !Array.isArray(row))) return undefined
    tables[name] = { ...table, superseded: table.superseded.map(revive), rows: rows as Record<string, unknown>[] }
  }
  return { tables }
}

function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive)
  if (typeof value !== 'object' || value === null) return value
  const entries = Object.entries(value)
  if (entries.length === 1 && entries[0]?.[0] === undefinedMark && entries[0][1] === true) return undefined
  const out: Record<string, unknown> = {}
  // defineProperty, so a field named __proto__ stays a field and never becomes the row's prototype.
  for (const [key, item] of entries) {
    Object.defineProperty(out, key, { value: revive(item), enumerable: true, writable: true, configurable: true })
  }
  return out
}
