/**
 * In records.json a Blob is replaced by a reference to its own part of the
 * zip, so photos are stored as they are (photos do not compress) and never
 * pass through JSON as base64.
 */
export type PartReference = { readonly $wwaBackupPart: string; readonly type: string }

export const isPartReference = (value: unknown): value is PartReference =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { $wwaBackupPart?: unknown }).$wwaBackupPart === 'string' &&
  typeof (value as { type?: unknown }).type === 'string'

/** Names a Blob's part by its place in the backup: blobs/000001.bin, … */
export const blobPartName = (index: number) => `blobs/${String(index).padStart(6, '0')}.bin`

/** A row with each top-level Blob replaced by a reference, and the Blobs it held; the row itself is not changed. */
export function withPartReferences(
  row: unknown,
  nextName: () => string,
): { readonly row: unknown; readonly blobs: readonly { readonly name: string; readonly blob: Blob }[] } {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return { row, blobs: [] }
  const blobs: { name: string; blob: Blob }[] = []
  let copy: Record<string, unknown> | undefined
  for (const [field, value] of Object.entries(row)) {
    if (!(value instanceof Blob)) continue
    copy ??= { ...row }
    const name = nextName()
    blobs.push({ name, blob: value })
    copy[field] = { $wwaBackupPart: name, type: value.type } satisfies PartReference
  }
  return { row: copy ?? row, blobs }
}
