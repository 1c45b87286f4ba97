import type { Archived } from './fields'

type MaybeArchived = { readonly id: string; readonly archived?: Archived | undefined }

/** Whether the record was archived (and not restored since). */
export const isArchived = (record: { readonly archived?: Archived | undefined }): boolean =>
  record.archived !== undefined

/**
 * What a picker offers: the records that are not archived, plus any already
 * chosen (a unit of an archived product still shows its product), in their order.
 */
export function pickable<T extends MaybeArchived>(
  records: readonly T[],
  ...chosen: readonly (string | null | undefined)[]
): T[] {
  return records.filter((record) => !isArchived(record) || chosen.includes(record.id))
}

/** A picker's words for a record, saying so when a chosen one is archived: "Acme AC-100 (archived)". */
export const pickerLabel = (label: string, record: { readonly archived?: Archived | undefined }): string =>
  isArchived(record) ? `${label} (archived)` : label
