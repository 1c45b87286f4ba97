import { z } from 'zod'
import type { Outcome } from '../outcome'

/** What a backup file says it is: the first thing checked, before any part is read. */
export const backupFormat = 'wwa-lab-backup'

/**
 * The layout this build writes; it reads this one and every earlier one, and
 * refuses a newer one, naming both. Version 2 added the optional changes.json.
 */
export const backupFormatVersion = 2

/** The manifest's name inside the zip. It is stored uncompressed, last, so main can read it with a few range reads. */
export const manifestName = 'manifest.json'

/** The record tables as dexie-export-import writes them, with every Blob replaced by a reference to its own part. */
export const recordsPartName = 'records.json'

/**
 * The rows written while records.json was read (format 2 on): for each table,
 * the keys whose rows in records.json are superseded, and those rows as they
 * were at the moment the backup stands for. Absent when nothing was written meanwhile.
 */
export const changesPartName = 'changes.json'

/** Why a backup was written. */
export const backupReasons = ['daily', 'before-migration', 'before-restore', 'manual'] as const
export type BackupReason = (typeof backupReasons)[number]

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 as 64 lowercase hex digits')
const Count = z.number().int().nonnegative()

export const BackupPart = z.object({ name: z.string().min(1).max(200), size: Count, sha256: Sha256 })
export type BackupPart = z.output<typeof BackupPart>

/** The fields every manifest has, whatever its format version: enough to refuse a newer one in words. */
const ManifestHead = z.object({
  format: z.literal(backupFormat),
  formatVersion: z.number().int().positive(),
  schemaVersion: z.number().int().positive(),
})

export const BackupManifest = ManifestHead.extend({
  formatVersion: z.number().int().min(1).max(backupFormatVersion),
  createdAt: z.iso.datetime(),
  reason: z.enum(backupReasons),
  /** The IndexedDB database it was written from. */
  database: z.string().min(1),
  /** Records per table, as the backup holds them. */
  counts: z.record(z.string(), Count),
  /** Every part of the file but the manifest, with its size and SHA-256. */
  parts: z.array(BackupPart).min(1),
})
export type BackupManifest = z.output<typeof BackupManifest>

/** A manifest without its list of parts: what the list of backups shows. */
export type BackupSummary = Omit<BackupManifest, 'parts'> & { readonly partCount: number; readonly bytes: number }

export const backupProblemCodes = ['not-a-backup', 'damaged', 'truncated', 'newer-format', 'newer-schema'] as const
export type BackupProblem = { readonly code: (typeof backupProblemCodes)[number]; readonly message: string }

const restoreNothing = 'Nothing was restored and the lab’s data is unchanged.'

/**
 * Checks a parsed manifest.json against what this build can restore. Promises
 * that a manifest it accepts names every part with a size and SHA-256, and that
 * its format and schema versions are ones this build reads; a refusal names the file and both versions.
 */
export function checkManifest(
  fileName: string,
  value: unknown,
  knownSchemaVersion: number,
): Outcome<BackupManifest, BackupProblem> {
  const head = ManifestHead.safeParse(value)
  if (!head.success) {
    const message = `${fileName} is not a WWA Lab backup: its ${manifestName} does not say so. ${restoreNothing}`
    return { ok: false, problem: { code: 'not-a-backup', message } }
  }
  if (head.data.formatVersion > backupFormatVersion) {
    const message = `${fileName} was written in backup format ${head.data.formatVersion} by a newer WWA Lab; this version reads backup formats 1 to ${backupFormatVersion}. Restore it with the newer WWA Lab. ${restoreNothing}`
    return { ok: false, problem: { code: 'newer-format', message } }
  }
  if (head.data.schemaVersion > knownSchemaVersion) {
    const message = `${fileName} holds data of storage version ${head.data.schemaVersion}, written by a newer WWA Lab; this version knows storage up to version ${knownSchemaVersion}. Restore it with the newer WWA Lab. ${restoreNothing}`
    return { ok: false, problem: { code: 'newer-schema', message } }
  }
  const full = BackupManifest.safeParse(value)
  if (!full.success) {
    const issue = full.error.issues[0]
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
    const message = `${fileName} is damaged: its ${manifestName} is not valid (${where}${issue?.message ?? 'unreadable'}). ${restoreNothing}`
    return { ok: false, problem: { code: 'damaged', message } }
  }
  const names = new Set<string>()
  for (const part of full.data.parts) {
    if (names.has(part.name) || part.name === manifestName) {
      const message = `${fileName} is damaged: its ${manifestName} lists the part ${part.name} twice. ${restoreNothing}`
      return { ok: false, problem: { code: 'damaged', message } }
    }
    names.add(part.name)
  }
  if (!names.has(recordsPartName)) {
    const message = `${fileName} is damaged: its ${manifestName} lists no ${recordsPartName}. ${restoreNothing}`
    return { ok: false, problem: { code: 'damaged', message } }
  }
  return { ok: true, value: full.data }
}

/** The manifest without its parts, with their number and total size. */
export function summaryOf(manifest: BackupManifest): BackupSummary {
  const { parts, ...rest } = manifest
  return { ...rest, partCount: parts.length, bytes: parts.reduce((sum, part) => sum + part.size, 0) }
}

/** The words for a refusal of a backup that fails a check while it is read. */
export const backupRefusal = (code: BackupProblem['code'], message: string): { ok: false; problem: BackupProblem } => ({
  ok: false,
  problem: { code, message: `${message} ${restoreNothing}` },
})
